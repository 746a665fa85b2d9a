package org.lmx.routes.log;

import java.time.Instant;

/** One step of a message's history. */
public record StateChange(Instant at, MessageState state, String note) {
}
