package org.lmx.routes.log;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmx.connectors.Sha256;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Walks the message log's chain from the first entry: each entry's hash over its metadata and the previous
 * hash, the chain's head, and every body, receipt and attachment still stored against its digest. Stops at
 * the first broken entry and names it. Reads in batches, so that a long log does not fill the memory.
 */
public class LogVerifier {

    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final MessageLog log;

    public LogVerifier(JdbcTemplate jdbc, MessageLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    public LogVerification verify() {
        long entries = 0;
        long contents = 0;
        long purged = 0;
        long expectedSeq = 1;
        String previousHash = LogEntry.GENESIS;
        while (true) {
            List<Map<String, Object>> batch = jdbc.queryForList("SELECT seq FROM message_log WHERE seq >= ? ORDER BY seq"
                    + " LIMIT " + BATCH, expectedSeq);
            if (batch.isEmpty()) {
                break;
            }
            for (Map<String, Object> row : batch) {
                long seq = ((Number) row.get("seq")).longValue();
                if (seq != expectedSeq) {
                    return broken(entries, contents, expectedSeq, null, "entry " + expectedSeq + " is missing");
                }
                Checked checked = check(seq, previousHash);
                if (checked.problem != null) {
                    return broken(entries, contents, seq, checked.messageId, checked.problem);
                }
                entries++;
                contents += checked.contents;
                purged += checked.purged ? 1 : 0;
                previousHash = checked.hash;
                expectedSeq++;
            }
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM log_chain WHERE id = 1");
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        if (lastSeq != entries || !previousHash.equals(head.get("last_hash"))) {
            return broken(entries, contents, lastSeq, null, "the chain's head (entry " + lastSeq + ", hash "
                    + head.get("last_hash") + ") is not the last entry of the log (entry " + entries + ", hash "
                    + previousHash + "): entries were removed or the head was changed");
        }
        return new LogVerification(entries, contents, purged, previousHash, Optional.empty());
    }

    private record Checked(String messageId, String hash, long contents, String problem, boolean purged) {
        Checked(String messageId, String hash, long contents, String problem) {
            this(messageId, hash, contents, problem, false);
        }
    }

    private Checked check(long seq, String previousHash) {
        return jdbc.query("SELECT " + MessageLog.ENTRY_COLUMNS + ", body, receipt FROM message_log WHERE seq = ?", rs -> {
            rs.next();
            LogEntry entry = log.entry(rs);
            String id = entry.messageId();
            String recorded = rs.getString("entry_hash");
            if (!previousHash.equals(rs.getString("prev_hash"))) {
                return new Checked(id, recorded, 0, "its previous hash is not the hash of the entry before it");
            }
            String hash = entry.chainHash(previousHash);
            if (!hash.equals(recorded)) {
                return new Checked(id, recorded, 0, "its metadata does not match its hash (recorded " + recorded
                        + ", computed " + hash + ")");
            }
            long contents = 0;
            byte[] body;
            try {
                body = log.cipher().open(rs.getBytes("body"));
            } catch (IllegalStateException e) {
                return new Checked(id, hash, 0, "its stored body cannot be decrypted: " + e.getMessage());
            }
            boolean purged = false;
            if (body != null) {
                if (body.length != entry.size() || !Sha256.hex(body).equals(entry.digest())) {
                    return new Checked(id, hash, 0, "its stored body does not match its digest " + entry.digest());
                }
                contents++;
            } else if (jdbc.queryForObject("SELECT COUNT(*) FROM retention_purge WHERE message_id = ?", Integer.class, id) == 0) {
                // a body goes only at the end of retention, and that is recorded: anything else is evidence removed
                return new Checked(id, hash, 0, "its body is missing and no retention purge of it is recorded");
            } else {
                purged = true;
            }
            byte[] receipt = rs.getBytes("receipt");
            if (entry.receiptDigest() != null) {
                if (receipt == null || !Sha256.hex(receipt).equals(entry.receiptDigest())) {
                    return new Checked(id, hash, 0, "its stored receipt is missing or does not match its digest "
                            + entry.receiptDigest());
                }
                contents++;
            }
            for (LoggedAttachment a : entry.attachments()) {
                // a purged content is a row without bytes; a missing row means someone deleted evidence
                List<Object[]> stored = jdbc.query("SELECT content, purged_at FROM attachment_content WHERE sha256 = ?",
                        (r, i) -> new Object[] {r.getBytes(1), r.getObject(2)}, a.sha256());
                if (stored.isEmpty()) {
                    return new Checked(id, hash, 0, "the content record of its attachment " + a.id() + " is missing");
                }
                byte[] content;
                try {
                    content = log.cipher().open((byte[]) stored.get(0)[0]);
                } catch (IllegalStateException e) {
                    return new Checked(id, hash, 0, "the stored content of its attachment " + a.id()
                            + " cannot be decrypted: " + e.getMessage());
                }
                if (content != null) {
                    if (content.length != a.size() || !Sha256.hex(content).equals(a.sha256())) {
                        return new Checked(id, hash, 0, "the stored content of its attachment " + a.id()
                                + " does not match its digest " + a.sha256());
                    }
                    contents++;
                } else if (stored.get(0)[1] == null) {
                    return new Checked(id, hash, 0, "the content of its attachment " + a.id()
                            + " is missing and no retention purge of it is recorded");
                }
            }
            return new Checked(id, hash, contents, null, purged);
        }, seq);
    }

    private static LogVerification broken(long entries, long contents, long seq, String messageId, String problem) {
        return new LogVerification(entries, contents, null, Optional.of(new LogVerification.Break(seq, messageId, problem)));
    }
}
