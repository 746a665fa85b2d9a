package org.lmx.routes.agreements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.stream.Stream;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;

/**
 * A development PKI made once per test run (key generation is the slow part): the hub CA and a certificate per
 * demo party, as the hub's trust directory holds them. Tests that change trust files work on a {@link #copyTo copy}.
 */
public final class TestPki {

    private static Path dir;

    private TestPki() {
    }

    public static synchronized Path dir() {
        if (dir == null) {
            try {
                Path created = Files.createTempDirectory("lmx-routes-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(created)));
                PkiDirectory.init(created, CertificateAuthority.DEFAULT_CRL_URL, false);
                dir = created;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (PkiException e) {
                throw new IllegalStateException(e);
            }
        }
        return dir;
    }

    static X509Certificate certificate(String fileName) {
        try {
            return Pem.readCertificate(dir().resolve(fileName));
        } catch (PkiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail the run
        }
    }

    /** The certificate files (no keys) copied into {@code target}. */
    public static Path copyTo(Path target) {
        try (Stream<Path> files = Files.list(dir())) {
            Files.createDirectories(target);
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".crt.pem")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
