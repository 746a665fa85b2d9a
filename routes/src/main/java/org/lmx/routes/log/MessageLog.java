package org.lmx.routes.log;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The message log: each accepted or issued document once per MessageId, with its signed bytes, receipt,
 * attachments, state and history, chained by hash. An append is all or nothing (entry, receipt, attachments,
 * first state, outbox row), serialized on the chain's head row so that the chain has no forks. Appends that
 * arrive together share one commit ({@link GroupCommit}): under load the durable commit, not the work, is what
 * each append would otherwise wait for.
 */
public class MessageLog {

    static final String ENTRY_COLUMNS = "seq, message_id, direction, conversation_id, in_reply_to, agreement_id, "
            + "from_party, to_party, document_type, created, logged_at, digest, size_bytes, receipt_digest, "
            + "state, state_at, prev_hash, entry_hash";

    private static final int MAX_APPEND_ATTEMPTS = 5;
    /** At most this many messages, or this many bytes stored, in one group commit (the first always goes in). */
    private static final int MAX_GROUP = 64;
    private static final long MAX_GROUP_BYTES = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DataCipher cipher;
    private final GroupCommit<NewMessage, Appended> groups;

    public MessageLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this(jdbc, transactionManager, clock, DataCipher.NONE);
    }

    /** @param cipher seals the signed bodies and attachment contents at rest (receipts and digests stay plain) */
    public MessageLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock, DataCipher cipher) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.cipher = cipher;
        this.groups = new GroupCommit<>(this::appendTogether, this::appendAlone, MAX_GROUP,
                NewMessage::bytes, MAX_GROUP_BYTES);
    }

    /** How bodies and attachment contents are stored (the verifier opens them with it to check their digests). */
    public DataCipher cipher() {
        return cipher;
    }

    /** The outcome of an append: the logged message, and whether this call logged it or found it logged. */
    public record Appended(LoggedMessage message, boolean fresh) {
    }

    /**
     * Logs a message unless its MessageId is logged already (a resend racing the first copy), in which case the
     * logged one is returned and nothing is written. The head row's lock makes appends take turns; should two
     * still meet (a database whose lock does not hold until commit), the unique MessageId and seq make the later
     * one fail whole, and it finds the logged copy or takes the next seq.
     */
    public Appended append(NewMessage message) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside the caller's transaction (a case's step issuing a document): commits with it
            return appendAlone(message);
        }
        return groups.commit(message);
    }

    private Appended appendAlone(NewMessage message) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> appendInTransaction(List.of(message)).get(0));
            } catch (DuplicateKeyException e) {
                Optional<LoggedMessage> logged = find(message.entry().messageId());
                if (logged.isPresent()) {
                    return new Appended(logged.get(), false);
                }
                if (attempt == MAX_APPEND_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Appends the messages in one transaction, in order; results as {@link #append} would give them one by one. */
    List<Appended> appendTogether(List<NewMessage> messages) {
        return transactions.execute(status -> appendInTransaction(messages));
    }

    private List<Appended> appendInTransaction(List<NewMessage> messages) {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM log_chain WHERE id = 1 FOR UPDATE");
        long seq = ((Number) head.get("last_seq")).longValue();
        String lastHash = (String) head.get("last_hash");
        Map<String, LoggedMessage> appendedNow = new HashMap<>();
        List<Appended> results = new ArrayList<>(messages.size());
        for (NewMessage message : messages) {
            String messageId = message.entry().messageId();
            Optional<LoggedMessage> logged = Optional.ofNullable(appendedNow.get(messageId)).or(() -> find(messageId));
            if (logged.isPresent()) {
                results.add(new Appended(logged.get(), false));
                continue;
            }
            LogEntry entry = message.entry().withSeq(++seq);
            String hash = entry.chainHash(lastHash);
            LoggedMessage appended = insert(message, entry, lastHash, hash);
            appendedNow.put(messageId, appended);
            results.add(new Appended(appended, true));
            lastHash = hash;
        }
        if (!appendedNow.isEmpty()) {
            jdbc.update("UPDATE log_chain SET last_seq = ?, last_hash = ? WHERE id = 1", seq, lastHash);
        }
        return results;
    }

    private LoggedMessage insert(NewMessage message, LogEntry entry, String prevHash, String hash) {
        OffsetDateTime now = at(clock.instant());
        jdbc.update("INSERT INTO message_log (" + ENTRY_COLUMNS + ", body, receipt)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.seq(), entry.messageId(), entry.direction().name(), entry.conversationId(), entry.inReplyTo(),
                entry.agreementId(), entry.from(), entry.to(), entry.documentType(), entry.created(),
                at(entry.loggedAt()), entry.digest(), entry.size(), entry.receiptDigest(), message.state().name(),
                now, prevHash, hash, cipher.seal(message.body()), message.receipt());
        int position = 0;
        for (LoggedAttachment a : entry.attachments()) {
            jdbc.update("INSERT INTO message_attachment (message_id, position, attachment_id, file_name, mime_type,"
                            + " size_bytes, sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    entry.messageId(), position++, a.id(), a.fileName(), a.mimeType(), a.size(), a.sha256());
        }
        message.attachmentContents().forEach((sha256, content) -> keepContent(sha256, content, now));
        event(entry.messageId(), message.state(), message.note(), now);
        if (message.work() != null) {
            jdbc.update("INSERT INTO outbox (message_id, kind, created_at) VALUES (?, ?, ?)", entry.messageId(),
                    message.work().name(), now);
        }
        return new LoggedMessage(entry, message.state(), now.toInstant());
    }

    /** Moves a logged message to another state and records the step in its history. */
    public void changeState(String messageId, MessageState state, String note) {
        transactions.executeWithoutResult(status -> {
            OffsetDateTime now = at(clock.instant());
            int updated = jdbc.update("UPDATE message_log SET state = ?, state_at = ? WHERE message_id = ?",
                    state.name(), now, messageId);
            if (updated != 1) {
                throw new IllegalArgumentException("no logged message " + messageId);
            }
            event(messageId, state, note, now);
        });
    }

    public Optional<LoggedMessage> find(String messageId) {
        return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM message_log WHERE message_id = ?",
                (rs, i) -> message(rs), messageId).stream().findFirst();
    }

    /** The hub's receipt for an inbound message, exactly as first sent. */
    public Optional<byte[]> receipt(String messageId) {
        return jdbc.query("SELECT receipt FROM message_log WHERE message_id = ? AND receipt IS NOT NULL",
                (rs, i) -> rs.getBytes(1), messageId).stream().findFirst();
    }

    /** The signed bytes, unless purged. */
    public Optional<byte[]> body(String messageId) {
        return jdbc.query("SELECT body FROM message_log WHERE message_id = ? AND body IS NOT NULL",
                (rs, i) -> rs.getBytes(1), messageId).stream().findFirst().map(cipher::open);
    }

    /** An attachment's content by its SHA-256, unless purged. */
    public Optional<byte[]> attachment(String sha256) {
        return jdbc.query("SELECT content FROM attachment_content WHERE sha256 = ? AND content IS NOT NULL",
                (rs, i) -> rs.getBytes(1), sha256).stream().findFirst().map(cipher::open);
    }

    /** The messages that declare an attachment with this SHA-256. */
    public List<String> messagesWithAttachment(String sha256) {
        return jdbc.queryForList("SELECT DISTINCT message_id FROM message_attachment WHERE sha256 = ?", String.class, sha256);
    }

    public List<StateChange> history(String messageId) {
        return jdbc.query("SELECT at, state, note FROM message_event WHERE message_id = ? ORDER BY id",
                (rs, i) -> new StateChange(instant(rs, "at"), MessageState.valueOf(rs.getString("state")),
                        rs.getString("note")), messageId);
    }

    /** Newest first, filtered by any of: party (sender or recipient), document type, state, logged since/until. */
    public MessagePage search(MessageQuery query) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (query.party() != null) {
            where.append(" AND (from_party = ? OR to_party = ?)");
            args.add(query.party());
            args.add(query.party());
        }
        if (query.documentType() != null) {
            where.append(" AND document_type = ?");
            args.add(query.documentType());
        }
        if (query.state() != null) {
            where.append(" AND state = ?");
            args.add(query.state().name());
        }
        if (query.since() != null) {
            where.append(" AND logged_at >= ?");
            args.add(at(query.since()));
        }
        if (query.until() != null) {
            where.append(" AND logged_at < ?");
            args.add(at(query.until()));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM message_log" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(query.size());
        pageArgs.add((long) query.page() * query.size());
        List<LoggedMessage> items = jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM message_log" + where
                + " ORDER BY seq DESC LIMIT ? OFFSET ?", (rs, i) -> message(rs), pageArgs.toArray());
        return new MessagePage(items, query.page(), query.size(), total == null ? 0 : total);
    }

    List<LoggedAttachment> attachments(String messageId) {
        return jdbc.query("SELECT attachment_id, file_name, mime_type, size_bytes, sha256 FROM message_attachment"
                        + " WHERE message_id = ? ORDER BY position",
                (rs, i) -> new LoggedAttachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)), messageId);
    }

    LogEntry entry(ResultSet rs) throws SQLException {
        String messageId = rs.getString("message_id");
        return new LogEntry(rs.getLong("seq"), messageId, Direction.valueOf(rs.getString("direction")),
                rs.getString("conversation_id"), rs.getString("in_reply_to"), rs.getString("agreement_id"),
                rs.getString("from_party"), rs.getString("to_party"), rs.getString("document_type"),
                rs.getString("created"), instant(rs, "logged_at"), rs.getString("digest"), rs.getLong("size_bytes"),
                rs.getString("receipt_digest"), attachments(messageId));
    }

    private LoggedMessage message(ResultSet rs) throws SQLException {
        return new LoggedMessage(entry(rs), MessageState.valueOf(rs.getString("state")), instant(rs, "state_at"));
    }

    private void keepContent(String sha256, byte[] plain, OffsetDateTime now) {
        byte[] content = cipher.seal(plain);
        int inserted = jdbc.update("INSERT INTO attachment_content (sha256, size_bytes, content, stored_at)"
                        + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM attachment_content WHERE sha256 = ?)",
                sha256, plain.length, content, now, sha256);
        if (inserted == 0) {
            // kept already, or purged after an earlier message's retention: keep it again for this one
            jdbc.update("UPDATE attachment_content SET content = ?, stored_at = ? WHERE sha256 = ? AND content IS NULL",
                    content, now, sha256);
        }
    }

    private void event(String messageId, MessageState state, String note, OffsetDateTime at) {
        jdbc.update("INSERT INTO message_event (message_id, at, state, note) VALUES (?, ?, ?, ?)",
                messageId, at, state.name(), note);
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
