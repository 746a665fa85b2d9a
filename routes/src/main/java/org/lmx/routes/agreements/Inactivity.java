package org.lmx.routes.agreements;

/**
 * Why the current version of an agreement does not allow an exchange at a given instant.
 *
 * @param reason  what the inbound pipeline maps to its rejection code
 * @param message readable, for the receipt and the operator
 */
public record Inactivity(Reason reason, String message) {

    public enum Reason {
        /** The current version is SUSPENDED. */
        SUSPENDED,
        /** The current version is TERMINATED. */
        TERMINATED,
        /** The instant lies before Validity/From. */
        NOT_YET_VALID,
        /** The instant lies after Validity/To. */
        EXPIRED
    }
}
