package org.lmx.hub.api;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The file name and MIME type under which an attachment's content was first declared: content is kept once
 * per SHA-256, while each message's signed header names it in its own way.
 */
@Component
class AttachmentDescriptions {

    record Description(String fileName, String mimeType) {
    }

    private final JdbcTemplate jdbc;

    AttachmentDescriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Description> firstDeclared(String sha256) {
        return jdbc.query("SELECT a.file_name, a.mime_type FROM message_attachment a"
                        + " JOIN message_log m ON m.message_id = a.message_id"
                        + " WHERE a.sha256 = ? ORDER BY m.seq, a.position LIMIT 1",
                (rs, i) -> new Description(rs.getString(1), rs.getString(2)), sha256).stream().findFirst();
    }

    /** As the signed header of message {@code messageId} declares it (its first mention there). */
    Optional<Description> declaredIn(String sha256, String messageId) {
        return jdbc.query("SELECT file_name, mime_type FROM message_attachment WHERE sha256 = ? AND message_id = ?"
                        + " ORDER BY position LIMIT 1",
                (rs, i) -> new Description(rs.getString(1), rs.getString(2)), sha256, messageId).stream().findFirst();
    }
}
