package org.lmx.processes.tracking;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.lmx.processes.permit.RegisterCounters;

/** The hub's references of its compliance alerts, CA-2026-000318, from the yearly counters in the caller's transaction. */
public class AlertReferences {

    static final String COUNTER = "compliance-alert";

    private final RegisterCounters counters;
    private final Clock clock;

    public AlertReferences(RegisterCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    public String next() {
        int year = OffsetDateTime.ofInstant(clock.instant(), StartPermitTracking.KAZAKHSTAN).getYear();
        return "CA-%04d-%06d".formatted(year, counters.next(COUNTER, year));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), StartPermitTracking.KAZAKHSTAN);
    }
}
