package org.lmx.routes.outbound;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The requests that named themselves with a key (table {@code outbound_request}): which document each one issued,
 * and the fingerprint of the request, so that the same key with another request is told apart from a repeat.
 */
public class OutboundRequestKeys {

    /** A keyed request the hub has issued a document for. */
    public record Keyed(String key, String fingerprint, String messageId) {
    }

    private final JdbcTemplate jdbc;

    public OutboundRequestKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Keyed> find(String key) {
        return jdbc.query("SELECT request_key, fingerprint, message_id FROM outbound_request WHERE request_key = ?",
                (rs, n) -> new Keyed(rs.getString(1), rs.getString(2), rs.getString(3)), key).stream().findFirst();
    }

    /** Inside the transaction that logs the document; a key taken meanwhile fails it with a DuplicateKeyException. */
    void keep(String key, String fingerprint, String messageId, Instant at) {
        jdbc.update("INSERT INTO outbound_request (request_key, fingerprint, message_id, created_at) VALUES (?, ?, ?, ?)",
                key, fingerprint, messageId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
