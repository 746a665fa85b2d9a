package org.lmx.hub.it;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the hub's database holds about a message: rows of the message log, the outbox and the rejection audit. */
final class HubTables {

    private final JdbcTemplate jdbc;

    HubTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Message log entries under {@code messageId}. */
    int logged(String messageId) {
        return count("SELECT COUNT(*) FROM message_log WHERE message_id = ?", messageId);
    }

    /** Message log entries of the signed bytes with SHA-256 {@code digest}. */
    int loggedWithDigest(String digest) {
        return count("SELECT COUNT(*) FROM message_log WHERE digest = ?", digest);
    }

    int outbox(String messageId) {
        return count("SELECT COUNT(*) FROM outbox WHERE message_id = ?", messageId);
    }

    /** The codes of the rejection audit's rows for the signed bytes with SHA-256 {@code digest}. */
    List<String> rejectionCodes(String digest) {
        return jdbc.queryForList("SELECT code FROM rejection WHERE digest = ? ORDER BY id", String.class, digest);
    }

    /** The codes of the rejection audit's rows naming {@code messageId}. */
    List<String> rejectionCodesOf(String messageId) {
        return jdbc.queryForList("SELECT code FROM rejection WHERE message_id = ? ORDER BY id", String.class, messageId);
    }

    private int count(String sql, String value) {
        Integer n = jdbc.queryForObject(sql, Integer.class, value);
        return n == null ? 0 : n;
    }
}
