package org.lmx.routes.agreements;

import java.util.Objects;

/**
 * One reason an agreement file cannot be imported.
 *
 * @param where   the element (as a path, e.g. {@code Trust/TrustEntry[2]/CertificateFile}), the rule, or
 *                {@code file}/{@code schema} for problems of the file as a whole
 * @param message what is wrong, readable by whoever fixes the file
 */
public record Problem(String where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
