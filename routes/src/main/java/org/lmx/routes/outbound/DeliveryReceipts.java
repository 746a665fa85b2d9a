package org.lmx.routes.outbound;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The recipients' signed receipts for outbound messages, one per message, exactly as received. */
public class DeliveryReceipts {

    /**
     * One stored receipt.
     *
     * @param digest     SHA-256 of the receipt's bytes
     * @param receivedAt Receipt/ReceivedAt as the recipient wrote it
     */
    public record Stored(String messageId, String digest, String signer, String status, String code, String reason,
                         String receivedAt, Instant reconciledAt) {
    }

    private final JdbcTemplate jdbc;

    public DeliveryReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the receipt; a second receipt for the same message fails on the primary key. */
    void insert(Stored receipt, byte[] bytes) {
        jdbc.update("INSERT INTO delivery_receipt (message_id, digest, receipt, signer, status, code, reason, received_at,"
                        + " reconciled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                receipt.messageId(), receipt.digest(), bytes, receipt.signer(), receipt.status(), receipt.code(),
                receipt.reason(), receipt.receivedAt(), receipt.reconciledAt().atOffset(ZoneOffset.UTC));
    }

    public Optional<Stored> find(String messageId) {
        return jdbc.query("SELECT message_id, digest, signer, status, code, reason, received_at, reconciled_at"
                        + " FROM delivery_receipt WHERE message_id = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class).toInstant()),
                messageId).stream().findFirst();
    }

    /** The receipt's bytes as received. */
    public Optional<byte[]> receipt(String messageId) {
        return jdbc.query("SELECT receipt FROM delivery_receipt WHERE message_id = ?", (rs, i) -> rs.getBytes(1), messageId)
                .stream().findFirst();
    }
}
