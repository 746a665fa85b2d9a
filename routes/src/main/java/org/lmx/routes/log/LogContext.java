package org.lmx.routes.log;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The message a thread works on, in the logging context (SLF4J MDC {@code lmx.messageId}, {@code lmx.conversationId}),
 * so that every line logged meanwhile, by the hub or a library, can be found by the MessageId an operator is asked
 * about. Identifiers only: never content. Closing restores what was there before, so that nested scopes (a delivery
 * inside a round) and pooled threads are left as found.
 */
public final class LogContext implements AutoCloseable {

    public static final String MESSAGE_ID = "lmx.messageId";
    public static final String CONVERSATION_ID = "lmx.conversationId";

    /** MessageIds are UUIDs and ConversationIds the schema's identifiers; anything else is not printed as it is. */
    private static final Pattern PRINTABLE = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");

    private final String previousMessageId;
    private final String previousConversationId;

    private LogContext(String messageId, String conversationId) {
        this.previousMessageId = MDC.get(MESSAGE_ID);
        this.previousConversationId = MDC.get(CONVERSATION_ID);
        put(messageId, conversationId);
    }

    /** @param conversationId null when not known (yet) */
    public static LogContext of(String messageId, String conversationId) {
        return new LogContext(messageId, conversationId);
    }

    public static LogContext of(LogEntry entry) {
        return new LogContext(entry.messageId(), entry.conversationId());
    }

    /** Sets the identifiers without a scope to close: for pipelines whose last step calls {@link #clear()}. */
    public static void put(String messageId, String conversationId) {
        set(MESSAGE_ID, messageId);
        set(CONVERSATION_ID, conversationId);
    }

    public static void clear() {
        MDC.remove(MESSAGE_ID);
        MDC.remove(CONVERSATION_ID);
    }

    @Override
    public void close() {
        put(previousMessageId, previousConversationId);
    }

    private static void set(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            // an inbound header is read before the schema checks it: no line breaks or megabytes into the log
            MDC.put(key, PRINTABLE.matcher(value).matches() ? value : "(unreadable)");
        }
    }
}
