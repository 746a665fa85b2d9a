package org.lmx.processes.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The delegates' clock and the engine's clock (which decides when a timer is due) as one: moving it moves both.
 * Starts at 2026-02-02 09:00 in Kazakhstan.
 */
public final class TestClock extends Clock {

    public static final Instant START = OffsetDateTime.of(2026, 2, 2, 9, 0, 0, 0, ZoneOffset.ofHours(5)).toInstant();

    private volatile Instant now = START;

    public TestClock() {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    public void set(Instant instant) {
        now = instant;
        ClockUtil.setCurrentTime(Date.from(now));
    }

    public void reset() {
        now = START;
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
