package org.lmx.routes.log;

/** An attachment as the signed header declares it; its content is kept once per SHA-256. */
public record LoggedAttachment(String id, String fileName, String mimeType, long size, String sha256) {
}
