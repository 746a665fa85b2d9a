package org.lmx.bench.load;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.lmx.connectors.Sha256;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;

/**
 * Seeds a stopped hub's H2 message log in bulk with N accepted, dispatched entries that chain exactly as the hub
 * chains them ({@link LogEntry#chainHash}), each with a stored body and receipt (the same bytes for all: the
 * database's size grows as with real traffic, and {@code lmx log verify} still says INTACT), and two history
 * events each, so that the load can compare throughput on an empty and on a full log.
 */
final class LogSeeder {

    private static final int BATCH = 2000;

    static void seed(Path dataDir, long entries, byte[] body, byte[] receipt) throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("db").resolve("lmx") + ";IFEXISTS=TRUE";
        String digest = Sha256.hex(body);
        String receiptDigest = Sha256.hex(receipt);
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            db.setAutoCommit(false);
            long seq;
            String hash;
            try (Statement s = db.createStatement(); ResultSet head = s.executeQuery(
                    "SELECT last_seq, last_hash FROM log_chain WHERE id = 1")) {
                head.next();
                seq = head.getLong(1);
                hash = head.getString(2);
            }
            Instant loggedAt = Instant.now().minusSeconds(entries / 100 + 3600);
            try (PreparedStatement log = db.prepareStatement("INSERT INTO message_log (seq, message_id, direction,"
                    + " conversation_id, in_reply_to, agreement_id, from_party, to_party, document_type, created, logged_at,"
                    + " digest, size_bytes, body, receipt, receipt_digest, state, state_at, prev_hash, entry_hash)"
                    + " VALUES (?, ?, 'INBOUND', ?, NULL, 'AGR-KOR-MOEL', 'KOR:MOEL', 'KAZ:MLSP', 'BusinessNotice', ?, ?,"
                    + " ?, ?, ?, ?, ?, 'DISPATCHED', ?, ?, ?)");
                 PreparedStatement event = db.prepareStatement(
                         "INSERT INTO message_event (message_id, at, state, note) VALUES (?, ?, ?, ?)")) {
                for (long i = 0; i < entries; i++) {
                    seq++;
                    String messageId = UUID.randomUUID().toString();
                    String conversation = UUID.randomUUID().toString();
                    Instant at = loggedAt.plusMillis(i * 10);
                    String created = at.toString();
                    LogEntry entry = new LogEntry(seq, messageId, Direction.INBOUND, conversation, null, "AGR-KOR-MOEL",
                            "KOR:MOEL", "KAZ:MLSP", "BusinessNotice", created, at, digest, body.length, receiptDigest,
                            List.of());
                    String entryHash = entry.chainHash(hash);
                    OffsetDateTime ts = OffsetDateTime.ofInstant(entry.loggedAt(), ZoneOffset.UTC);
                    log.setLong(1, seq);
                    log.setString(2, messageId);
                    log.setString(3, conversation);
                    log.setString(4, created);
                    log.setObject(5, ts);
                    log.setString(6, digest);
                    log.setLong(7, body.length);
                    log.setBytes(8, body);
                    log.setBytes(9, receipt);
                    log.setString(10, receiptDigest);
                    log.setObject(11, ts);
                    log.setString(12, hash);
                    log.setString(13, entryHash);
                    log.addBatch();
                    for (String state : new String[] {"ACCEPTED", "DISPATCHED"}) {
                        event.setString(1, messageId);
                        event.setObject(2, ts);
                        event.setString(3, state);
                        event.setString(4, state.equals("ACCEPTED") ? "seeded by lmx-bench" : "not for processes");
                        event.addBatch();
                    }
                    hash = entryHash;
                    if ((i + 1) % BATCH == 0 || i + 1 == entries) {
                        log.executeBatch();
                        event.executeBatch();
                        try (PreparedStatement head = db.prepareStatement(
                                "UPDATE log_chain SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                            head.setLong(1, seq);
                            head.setString(2, hash);
                            head.executeUpdate();
                        }
                        db.commit();
                    }
                }
            }
            // a bulk load leaves H2's file several times the size of its data (100,000 entries: 2.7 GB, compacted
            // 0.5 GB); a hub that grew its log by ordinary traffic has its space reused as it goes
            try (Statement s = db.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
        }
    }

    private LogSeeder() {
    }
}
