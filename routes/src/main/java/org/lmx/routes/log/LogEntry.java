package org.lmx.routes.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import org.lmx.connectors.Sha256;

/**
 * The chained part of a message log entry: what was exchanged, between whom, when, and the digests of the
 * signed bytes, of the receipt and of every attachment. The body is not part of it, so that it can be purged
 * at the end of retention while the chain still verifies.
 *
 * @param created       Header/Created exactly as the sender wrote it
 * @param loggedAt      the hub's time of receipt or of issue, in milliseconds
 * @param receiptDigest SHA-256 of the stored receipt, or null when there is none
 */
public record LogEntry(long seq, String messageId, Direction direction, String conversationId, String inReplyTo,
                       String agreementId, String from, String to, String documentType, String created,
                       Instant loggedAt, String digest, long size, String receiptDigest,
                       List<LoggedAttachment> attachments) {

    public static final String GENESIS = "0".repeat(64);
    private static final String FORMAT = "lmx-log-1";

    public LogEntry {
        // what the database keeps (and so what the chain hash is recomputed from)
        loggedAt = loggedAt.truncatedTo(ChronoUnit.MILLIS);
        attachments = List.copyOf(attachments);
    }

    LogEntry withSeq(long newSeq) {
        return new LogEntry(newSeq, messageId, direction, conversationId, inReplyTo, agreementId, from, to,
                documentType, created, loggedAt, digest, size, receiptDigest, attachments);
    }

    /**
     * SHA-256 over the previous entry's hash and this entry's fields. Each field is written with its length, so
     * that no two different entries have the same input.
     */
    public String chainHash(String previousHash) {
        StringBuilder in = new StringBuilder(FORMAT);
        field(in, previousHash);
        field(in, Long.toString(seq));
        field(in, messageId);
        field(in, direction.name());
        field(in, conversationId);
        field(in, inReplyTo);
        field(in, agreementId);
        field(in, from);
        field(in, to);
        field(in, documentType);
        field(in, created);
        field(in, loggedAt.toString());
        field(in, digest);
        field(in, Long.toString(size));
        field(in, receiptDigest);
        field(in, Integer.toString(attachments.size()));
        for (LoggedAttachment a : attachments) {
            field(in, a.id());
            field(in, a.fileName());
            field(in, a.mimeType());
            field(in, Long.toString(a.size()));
            field(in, a.sha256());
        }
        return HexFormat.of().formatHex(Sha256.digest().digest(in.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void field(StringBuilder in, String value) {
        in.append('\n');
        if (value == null) {
            in.append('-');
        } else {
            in.append(value.length()).append(':').append(value);
        }
    }
}
