package org.lmx.routes.log;

import java.util.Map;

/**
 * What one append stores in one transaction: the entry (its seq is assigned on append), the signed bytes, the
 * receipt, the attachment contents by SHA-256, the first state, and whether it goes to the outbox.
 */
public record NewMessage(LogEntry entry, byte[] body, byte[] receipt, Map<String, byte[]> attachmentContents,
                         MessageState state, String note, boolean toOutbox) {

    public NewMessage {
        attachmentContents = Map.copyOf(attachmentContents);
    }
}
