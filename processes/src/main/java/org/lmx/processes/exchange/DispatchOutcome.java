package org.lmx.processes.exchange;

/**
 * What {@link ProcessDispatcher} did with a received document; the exchange writes it into the message's history.
 *
 * @param processInstanceId the instance started or correlated (for ALREADY_DISPATCHED: the one of the first time),
 *                          or null
 * @param note              a sentence for the message's history
 */
public record DispatchOutcome(Kind kind, String processInstanceId, String note) {

    public enum Kind {
        /** A process was started with this document. */
        STARTED,
        /** A waiting step of a process took this document. */
        CORRELATED,
        /** This MessageId was handed over before: nothing was done this time. */
        ALREADY_DISPATCHED,
        /** A reply no waiting step expects (late, answered twice, or naming no request of a case): kept as a note. */
        UNMATCHED,
        /** A document recorded for a process to read when it runs (a RegionalDemandReport for quota-refresh). */
        RECORDED,
        /** A document type no process takes (a Ping, a BusinessNotice...). */
        NOT_FOR_PROCESSES
    }
}
