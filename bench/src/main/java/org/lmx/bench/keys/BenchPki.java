package org.lmx.bench.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiException;
import org.lmx.connectors.signature.TrustAnchors;

/** A CA made at run time in a temporary directory, and the credentials the benchmarks sign with. */
public final class BenchPki {

    private final CertificateAuthority ca;

    private BenchPki(CertificateAuthority ca) {
        this.ca = ca;
    }

    public static BenchPki create() {
        try {
            Path dir = Files.createTempDirectory("lmx-bench-pki");
            dir.toFile().deleteOnExit();
            return new BenchPki(CertificateAuthority.create(dir, URI.create("http://127.0.0.1:9/crl")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PkiException e) {
            throw new IllegalStateException("cannot make the benchmark's CA: " + e, e);
        }
    }

    public Credential issue(String party, BenchKey key) {
        try {
            return ca.issue(party, key.algorithm(), Duration.ofDays(30));
        } catch (PkiException e) {
            throw new IllegalStateException("cannot issue a " + key + " credential for " + party + ": " + e, e);
        }
    }

    /** Trust as an agreement's CA entry gives it. */
    public TrustAnchors trust() {
        return TrustAnchors.authority(ca.certificate());
    }
}
