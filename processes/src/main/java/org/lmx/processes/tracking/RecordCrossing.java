package org.lmx.processes.tracking;

import static org.lmx.processes.tracking.TrackingVariables.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * Records the crossing on the permit and keeps whether the holder is in the country: the latest crossing by the
 * time it happened decides, so an entry reported after a later exit does not put the holder back in.
 */
public class RecordCrossing implements JavaDelegate {

    private final MovementLog movements;
    private final Clock clock;

    public RecordCrossing(MovementLog movements, Clock clock) {
        this.movements = movements;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String direction = (String) execution.getVariable(CROSSING_DIRECTION);
        OffsetDateTime occurredAt = OffsetDateTime.parse((String) execution.getVariable(CROSSING_OCCURRED_AT));
        String point = (String) execution.getVariable(CROSSING_POINT);
        String messageId = (String) execution.getVariable(CROSSING_MESSAGE_ID);
        boolean isNew = movements.record(new Movement((String) execution.getVariable(PERMIT_NUMBER),
                (String) execution.getVariable(CROSSING_EVENT_ID), direction, occurredAt, point,
                (String) execution.getVariable(CROSSING_REGION), messageId,
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        String last = (String) execution.getVariable(LAST_CROSSING_AT);
        if (!isNew || (last != null && !occurredAt.isAfter(OffsetDateTime.parse(last)))) {
            return;
        }
        execution.setVariable(LAST_CROSSING_AT, occurredAt.toString());
        boolean entry = "ENTRY".equals(direction);
        execution.setVariable(IN_COUNTRY, entry);
        if (entry) {
            execution.setVariable(LAST_ENTRY_MESSAGE_ID, messageId);
            execution.setVariable(LAST_ENTRY_NOTE, "entered on " + occurredAt + " at " + point);
        }
    }
}
