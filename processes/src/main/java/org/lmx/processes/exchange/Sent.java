package org.lmx.processes.exchange;

/** The document the hub issued for an {@link OutgoingDocument}: its MessageId, which a reply names as InReplyTo. */
public record Sent(String messageId, String conversationId) {
}
