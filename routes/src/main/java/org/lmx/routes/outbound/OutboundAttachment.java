package org.lmx.routes.outbound;

/** An attachment of an outbound document: listed in the signed header with its size and SHA-256, kept by SHA-256. */
public record OutboundAttachment(String id, String fileName, String mimeType, byte[] content) {
}
