package org.lmx.routes.inbound;

/** An attachment part of a call: the Id it was sent under and its bytes. */
public record ReceivedAttachment(String id, byte[] content) {
}
