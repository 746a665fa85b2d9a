package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --attach [ID=]FILE}: a file to send, with the attachment Id it is sent as, or null when the Id
 * is taken from the document's header ({@link AttachmentIds}).
 */
record AttachmentFile(String id, Path file) {

    /** The contract's AttachmentId. */
    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9\\-_.]{0,63}");

    /** {@code contract=scan.pdf} or {@code scan.pdf}; an existing file whose name holds '=' stays a file. */
    static final class Converter implements ITypeConverter<AttachmentFile> {
        @Override
        public AttachmentFile convert(String value) {
            int eq = value.indexOf('=');
            if (eq < 0 || Files.exists(Path.of(value))) {
                return new AttachmentFile(null, Path.of(value));
            }
            String id = value.substring(0, eq);
            if (!ID.matcher(id).matches()) {
                throw new TypeConversionException("'" + id + "' is not an attachment Id (a letter, then up to 63"
                        + " letters, digits, '-', '_' or '.')");
            }
            if (eq == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' names no file after '='");
            }
            return new AttachmentFile(id, Path.of(value.substring(eq + 1)));
        }
    }
}
