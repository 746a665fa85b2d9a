package org.lmx.routes.log;

import java.time.Instant;

/** A page of the message log; every filter is optional (null). */
public record MessageQuery(String party, String documentType, MessageState state, Instant since, Instant until,
                           int page, int size) {

    public static final int MAX_SIZE = 100;

    public MessageQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more, not " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
    }
}
