package org.lmx.hub.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pkcs12;

/** The hub's own certificates in the inventory: its signing certificate, the CA of its chain, its TLS certificate. */
class HubPkiTest {

    @TempDir
    Path dir;

    @Test
    void theSigningCertificateItsCaAndTheTlsCertificateOfAPkcs12KeyStore() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(dir.resolve("ca"), URI.create("http://127.0.0.1:1/ca.crl"));
        Credential signing = ca.issue("KAZ:MLSP", KeyAlgorithm.EC_P256, Duration.ofDays(365));
        Credential tls = ca.issue("KAZ:MLSP", KeyAlgorithm.EC_P256, Duration.ofDays(90));
        Path keyStore = dir.resolve("hub-tls.p12");
        Pkcs12.write(keyStore, tls, "changeit-tls".toCharArray());

        List<HubCertificate> own = HubPki.of(signing, dir.resolve("no-pki"),
                new HubPki.TlsKeyStore(keyStore.toString(), "PKCS12", "changeit-tls", null));

        assertThat(own).extracting(HubCertificate::role)
                .containsExactly(HubCertificate.SIGNING, HubCertificate.CA, HubCertificate.TLS);
        assertThat(own.get(0).certificate()).isEqualTo(signing.certificate());
        assertThat(own.get(1).certificate()).isEqualTo(ca.certificate());
        assertThat(own.get(2).certificate()).isEqualTo(tls.certificate());
    }

    @Test
    void aTlsKeyStoreThatCannotBeOpenedIsLeftOutNotFatal() throws Exception {
        CertificateAuthority ca = CertificateAuthority.create(dir.resolve("ca"), URI.create("http://127.0.0.1:1/ca.crl"));
        Credential signing = ca.issue("KAZ:MLSP", KeyAlgorithm.EC_P256, Duration.ofDays(365));
        Path keyStore = dir.resolve("hub-tls.p12");
        Pkcs12.write(keyStore, signing, "right-password".toCharArray());

        assertThat(HubPki.of(signing, dir, new HubPki.TlsKeyStore(keyStore.toString(), "PKCS12", "wrong", null)))
                .extracting(HubCertificate::role).containsExactly(HubCertificate.SIGNING, HubCertificate.CA);
    }
}
