package org.lmx.routes.agreements;

/** What importing one agreement file did (or, in a dry run, would do). */
public enum ImportOutcome {
    /** A new (id, version): stored, with its trust certificates. */
    IMPORTED,
    /** This (id, version) is already stored with the same bytes: nothing to do. */
    UNCHANGED,
    /** Not stored: the problems say why; what was in force stays in force. */
    REFUSED
}
