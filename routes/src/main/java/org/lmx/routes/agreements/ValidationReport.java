package org.lmx.routes.agreements;

import java.util.List;

/**
 * A dry run on one file: the same checks as a reload, nothing written.
 *
 * @param outcome what a reload would do with the file now
 */
public record ValidationReport(String fileName, String agreementId, Long version, ImportOutcome outcome,
                               List<Problem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    /** True if a reload would accept the file (IMPORTED or UNCHANGED). */
    public boolean valid() {
        return outcome != ImportOutcome.REFUSED;
    }
}
