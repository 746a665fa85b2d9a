package org.lmx.connectors.pki;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file whole or not at all (a temporary file beside it, then a rename), so that an interrupted
 * {@code lmx pki} never leaves a half-written key or serial counter. Private keys and passwords are owner-only
 * from the moment they exist, not chmod-ed after being written, where the file system has POSIX permissions.
 */
final class AtomicFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    static void write(Path target, byte[] content) throws PkiException {
        write(target, content, false);
    }

    static void writeOwnerOnly(Path target, byte[] content) throws PkiException {
        write(target, content, true);
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws PkiException {
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            boolean posix = Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
            // createTempFile makes the file rw------- on POSIX: secret content is never readable by others.
            temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            Files.write(temp, content);
            if (posix) {
                Files.setPosixFilePermissions(temp, ownerOnly ? OWNER_ONLY : PUBLIC);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new PkiException(PkiException.IO, "cannot write " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and is reported; a stray temporary file is the lesser problem.
                }
            }
        }
    }
}
