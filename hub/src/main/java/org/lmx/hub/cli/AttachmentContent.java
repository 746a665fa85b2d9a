package org.lmx.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.lmx.connectors.Sha256;

/**
 * An attachment as it is declared in the header and sent as an MTOM part: the file's bytes, read once, so
 * that the size and digest signed in the header are those of the bytes sent.
 */
public record AttachmentContent(String id, String fileName, String mimeType, byte[] bytes) {

    /** The contract's MimeType pattern. */
    private static final Pattern MIME_TYPE = Pattern.compile("[a-z]+/[a-zA-Z0-9.+\\-]+");
    /** Characters the contract's FileName refuses (path separators and what Windows forbids), and control characters. */
    private static final Pattern UNSAFE = Pattern.compile("[/\\\\:*?\"<>|\\p{Cntrl}]");
    private static final int MAX_FILE_NAME = 255;

    static AttachmentContent read(String id, Path file) throws IOException, CliFailure {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new CliFailure("the attachment " + file + " is empty: the contract wants at least one byte");
        }
        return new AttachmentContent(id, fileName(file), mimeType(file), bytes);
    }

    long size() {
        return bytes.length;
    }

    String sha256() {
        return Sha256.hex(bytes);
    }

    /** The file's name as the contract accepts it: unsafe characters replaced, at most 255 characters, extension kept. */
    static String fileName(Path file) {
        String name = UNSAFE.matcher(file.getFileName().toString()).replaceAll("_");
        if (name.isBlank()) {
            return "attachment";
        }
        if (name.length() <= MAX_FILE_NAME) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        return name.substring(0, MAX_FILE_NAME - extension.length()) + extension;
    }

    /** What the platform guesses from the name, if the contract accepts it; application/octet-stream otherwise. */
    static String mimeType(Path file) throws IOException {
        String probed = Files.probeContentType(file);
        return probed != null && MIME_TYPE.matcher(probed).matches() ? probed : "application/octet-stream";
    }
}
