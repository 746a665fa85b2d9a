package org.lmx.routes.log;

import java.util.Optional;

/**
 * The result of walking the chain: how many entries and stored contents (bodies, receipts, attachments) held,
 * how many bodies were purged at the end of retention (recorded, so not a break), the head hash when all held,
 * or the first broken entry.
 */
public record LogVerification(long entriesVerified, long contentsVerified, long bodiesPurged, String headHash,
                              Optional<Break> firstBreak) {

    public LogVerification(long entriesVerified, long contentsVerified, String headHash, Optional<Break> firstBreak) {
        this(entriesVerified, contentsVerified, 0, headHash, firstBreak);
    }

    /** The first entry that does not hold, and why; messageId is null when the entry itself is missing. */
    public record Break(long seq, String messageId, String problem) {
    }

    public boolean intact() {
        return firstBreak.isEmpty();
    }

    public String summary() {
        return firstBreak.map(b -> "BROKEN at entry " + b.seq() + (b.messageId() == null ? "" : " (MessageId "
                        + b.messageId() + ")") + ": " + b.problem() + "; " + entriesVerified + " entries before it hold")
                .orElse("INTACT: " + entriesVerified + (entriesVerified == 1 ? " entry, " : " entries, ") + contentsVerified
                        + " stored bodies, receipts and attachments match their digests; " + bodiesPurged
                        + (bodiesPurged == 1 ? " body" : " bodies") + " purged at the end of retention; head " + headHash);
    }
}
