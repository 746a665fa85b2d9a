package org.lmx.hub.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import org.lmx.routes.log.MessageState;

/** Reads the query parameters of the message log's API, each failure a 400 that names the parameter. */
final class ApiParameters {

    private ApiParameters() {
    }

    /** An ISO-8601 instant ({@code 2025-05-01T08:00:00Z}) or offset date-time ({@code 2025-05-01T13:00:00+05:00}). */
    static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        // an unencoded '+' of an offset arrives as a space; a space never belongs to an ISO-8601 time
        String text = value.trim().replace(' ', '+');
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                throw ApiProblem.badRequest("parameter " + name + " must be an ISO-8601 instant or offset date-time"
                        + " such as 2025-05-01T08:00:00Z or 2025-05-01T13:00:00+05:00, not '" + value + "'");
            }
        }
    }

    static MessageState state(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return MessageState.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest("parameter state must be one of " + Arrays.toString(MessageState.values())
                    + ", not '" + value + "'");
        }
    }

    static void window(Instant since, Instant until) {
        if (since != null && until != null && !since.isBefore(until)) {
            throw ApiProblem.badRequest("since (" + since + ") must lie before until (" + until + ")");
        }
    }

    static int within(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiProblem.badRequest("parameter " + name + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw ApiProblem.badRequest("parameter " + name + " must be " + min + " or more, not " + value);
        }
        return value;
    }

    /** An empty parameter is no filter. */
    static String filter(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
