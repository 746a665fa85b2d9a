package org.lmx.routes.agreements;

import java.util.List;

/**
 * The outcome for one file of a reload.
 *
 * @param agreementId the file's Id, null if it could not be read
 * @param version     the file's Version, null if it could not be read
 * @param problems    empty unless REFUSED; every problem of the file, not just the first
 */
public record FileReport(String fileName, String agreementId, Long version, ImportOutcome outcome,
                         List<Problem> problems) {

    public FileReport {
        problems = List.copyOf(problems);
    }
}
