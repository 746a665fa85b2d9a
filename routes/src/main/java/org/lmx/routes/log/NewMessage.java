package org.lmx.routes.log;

import java.util.Map;

/**
 * What one append stores in one transaction: the entry (its seq is assigned on append), the signed bytes, the
 * receipt, the attachment contents by SHA-256, the first state, and the outbox work that follows the commit.
 *
 * @param work the kind of outbox row written with the entry, or null for none
 */
public record NewMessage(LogEntry entry, byte[] body, byte[] receipt, Map<String, byte[]> attachmentContents,
                         MessageState state, String note, Outbox.Kind work) {

    public NewMessage {
        attachmentContents = Map.copyOf(attachmentContents);
    }

    /** An accepted inbound document: {@code toOutbox} means a {@link Outbox.Kind#DISPATCH DISPATCH} row. */
    public NewMessage(LogEntry entry, byte[] body, byte[] receipt, Map<String, byte[]> attachmentContents,
                      MessageState state, String note, boolean toOutbox) {
        this(entry, body, receipt, attachmentContents, state, note, toOutbox ? Outbox.Kind.DISPATCH : null);
    }

    /** The bytes it stores: the body and the attachments' contents. */
    public long bytes() {
        long bytes = body == null ? 0 : body.length;
        for (byte[] content : attachmentContents.values()) {
            bytes += content.length;
        }
        return bytes;
    }

    public boolean toOutbox() {
        return work != null;
    }
}
