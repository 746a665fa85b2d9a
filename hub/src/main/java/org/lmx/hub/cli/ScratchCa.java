package org.lmx.hub.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PkiException;

/**
 * A CA made in a temporary directory for one certificate and deleted at once: a stranger's key for {@code lmx
 * conformance} (a certificate naming the hub that no partner trusts), and the provisional certificate with which
 * {@code lmx partner onboard} checks a draft before the hub's CA certifies anything.
 */
final class ScratchCa {

    private static final String SUBJECT = "CN=LMX scratch CA (not to be trusted)";

    private ScratchCa() {
    }

    /** A new key and certificate for {@code party} (EC P-256, one hour). */
    static Credential issue(String party) {
        return withCa(ca -> ca.issue(party, KeyAlgorithm.EC_P256, Duration.ofHours(1)));
    }

    /** A certificate of {@code party} for {@code key}, as the hub's CA would make it. */
    static X509Certificate certify(String party, PublicKey key) {
        Instant now = Instant.now();
        return withCa(ca -> ca.certify(party, key, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofHours(1))));
    }

    private interface Work<T> {
        T with(CertificateAuthority ca) throws PkiException;
    }

    private static <T> T withCa(Work<T> work) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("lmx-scratch-ca");
            Instant now = Instant.now();
            return work.with(CertificateAuthority.create(dir, SUBJECT, KeyAlgorithm.EC_P256, now.minus(Duration.ofMinutes(5)),
                    now.plus(Duration.ofDays(1)), URI.create("http://127.0.0.1:9/scratch.crl")));
        } catch (IOException | PkiException e) {
            throw new IllegalStateException("cannot make a scratch CA: " + e.getMessage(), e);
        } finally {
            delete(dir);
        }
    }

    static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind holds only a throw-away key
        }
    }
}
