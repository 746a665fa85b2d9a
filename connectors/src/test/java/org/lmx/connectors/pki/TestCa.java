package org.lmx.connectors.pki;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A quick CA for tests that need certificates but do not test the CA itself (EC keys generate fastest). */
final class TestCa {

    private TestCa() {
    }

    static CertificateAuthority create(Path dir) throws PkiException {
        Instant now = Instant.now();
        return CertificateAuthority.create(dir, "CN=LMX Test CA, O=LMX, C=KZ", KeyAlgorithm.EC_P256,
                now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(30)), CertificateAuthority.DEFAULT_CRL_URL);
    }
}
