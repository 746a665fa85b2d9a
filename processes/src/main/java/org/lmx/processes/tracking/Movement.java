package org.lmx.processes.tracking;

import java.time.OffsetDateTime;

/** One crossing of the border by a permit holder, as recorded on the permit. */
public record Movement(String permitNumber, String eventId, String direction, OffsetDateTime occurredAt,
                       String crossingPoint, String crossingRegion, String messageId, OffsetDateTime recordedAt) {
}
