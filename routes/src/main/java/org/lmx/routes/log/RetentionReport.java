package org.lmx.routes.log;

import java.time.Instant;
import java.util.List;

/**
 * What one purge did (or, in a dry run, would do).
 *
 * @param messages          the messages whose bodies were (or would be) purged, oldest first, at most
 *                          {@link RetentionPurge#LISTED} of them listed (the counts cover all)
 * @param skippedAgreements agreements of logged messages the hub has no current version of: nothing of theirs is
 *                          purged, since their retention is unknown
 */
public record RetentionReport(Instant at, boolean dryRun, long bodiesPurged, long bodyBytes, long attachmentsPurged,
                              List<Purged> messages, List<String> skippedAgreements) {

    public RetentionReport {
        messages = List.copyOf(messages);
        skippedAgreements = List.copyOf(skippedAgreements);
    }

    /** One message whose body went: under which agreement and retention, when its conversation last moved. */
    public record Purged(String messageId, String conversationId, String agreementId, String retention,
                         Instant conversationLastLogged, long bodyBytes, int attachmentsPurged) {
    }

    public String summary() {
        return (dryRun ? "would purge " : "purged ") + bodiesPurged + " bodies (" + bodyBytes + " bytes) and "
                + attachmentsPurged + " attachment contents" + (skippedAgreements.isEmpty() ? ""
                : "; skipped the messages of " + skippedAgreements + " (no current agreement, retention unknown)");
    }
}
