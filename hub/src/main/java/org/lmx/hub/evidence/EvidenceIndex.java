package org.lmx.hub.evidence;

import java.time.Instant;
import java.util.List;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;

/**
 * {@code evidence.json}: what a bundle holds and how its files relate: each message's chained log entry (the
 * fields, the previous hash and the entry's hash, so that the hash can be recomputed), its document, receipt and
 * attachment files, the trust of each agreement, the hub's certificates, the CRLs, and the chain's links from the
 * case's first entry to the head at export time. Paths are the bundle's entry names; null means not in the bundle
 * (a body purged at the end of retention, a message without a receipt yet).
 */
public record EvidenceIndex(String format, String conversationId, String exportedAt, String hub, Head chainHead,
                            String links, String hubCertificates, List<String> crls, List<AgreementTrust> agreements,
                            List<Message> messages) {

    public static final String FORMAT = "lmx-evidence-1";
    public static final String FILE = "evidence.json";

    public record Head(long seq, String hash) {
    }

    /** An agreement's trust as the hub held it at export: its CA and pinned certificates (PEM files). */
    public record AgreementTrust(String agreementId, String partner, String authorities, String pinned) {
    }

    /**
     * @param receiptSigner who signed the receipt: the hub (for an inbound document) or the recipient (outbound)
     * @param purgedAt      when the body was purged at the end of retention, or null
     */
    public record Message(long seq, String messageId, String direction, String conversationId, String inReplyTo,
                          String agreementId, String from, String to, String documentType, String created,
                          String loggedAt, String digest, long size, String receiptDigest, List<Attachment> attachments,
                          String prevHash, String entryHash, String state, String document, String purgedAt,
                          String receipt, String receiptSigner) {

        /** The log entry these fields are, to recompute its hash. */
        public LogEntry entry() {
            return new LogEntry(seq, messageId, Direction.valueOf(direction), conversationId, inReplyTo, agreementId,
                    from, to, documentType, created, Instant.parse(loggedAt), digest, size, receiptDigest,
                    attachments.stream().map(a -> new LoggedAttachment(a.id(), a.fileName(), a.mimeType(), a.size(),
                            a.sha256())).toList());
        }
    }

    /** @param file the content's entry, or null when it was purged */
    public record Attachment(String id, String fileName, String mimeType, long size, String sha256, String file) {
    }
}
