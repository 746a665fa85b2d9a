package org.lmx.routes.log;

import java.time.Instant;

/** A message log entry with its current state (bodies are read separately, by those allowed to). */
public record LoggedMessage(LogEntry entry, MessageState state, Instant stateAt) {

    public String messageId() {
        return entry.messageId();
    }
}
