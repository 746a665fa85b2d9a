package org.lmx.hub.it;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.RevocationReason;

/**
 * Certificates a partner should not sign with, made at run time: issued by the hub's own development CA (its
 * data directory's PKI) but expired, not yet valid, revoked, without the party URI or not for signatures, and a
 * look-alike from a CA nobody trusts. The parties' own certificates in the directory are left as they are.
 */
final class TestCertificates {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis() * 1000);

    private final PkiDirectory pki;

    TestCertificates(Path dataDir) throws Exception {
        this.pki = PkiDirectory.open(dataDir.resolve("pki"));
    }

    /** Valid for a year that ended a year ago. */
    Credential expired(String party) throws Exception {
        Instant now = Instant.now();
        return pki.ca().issue(party, KeyAlgorithm.EC_P256, now.minus(730, ChronoUnit.DAYS), now.minus(365, ChronoUnit.DAYS));
    }

    /** Valid from tomorrow. */
    Credential notYetValid(String party) throws Exception {
        Instant now = Instant.now();
        return pki.ca().issue(party, KeyAlgorithm.EC_P256, now.plus(1, ChronoUnit.DAYS), now.plus(366, ChronoUnit.DAYS));
    }

    /** Issued now and revoked at once; the CA's CRL file (served by the hub) is re-published with it. */
    Credential revoked(String party) throws Exception {
        Credential credential = pki.ca().issue(party, KeyAlgorithm.EC_P256, Duration.ofDays(30));
        pki.revoke(credential.certificate().getSerialNumber(), RevocationReason.KEY_COMPROMISE);
        return credential;
    }

    /** Issued by the hub CA, but naming no party (no {@code urn:lmx:party:} subjectAltName). */
    Credential withoutPartyUri() throws Exception {
        return custom(null, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    }

    /** Issued by the hub CA for {@code party}, but for key encipherment only. */
    Credential withoutSignatureKeyUsage(String party) throws Exception {
        return custom(party, new KeyUsage(KeyUsage.keyEncipherment));
    }

    /** A look-alike of {@code party} from a CA of its own, which no agreement trusts. */
    static Credential fromRogueCa(String party) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "rogue-ca-");
        return CertificateAuthority.create(dir, CertificateAuthority.DEFAULT_CRL_URL)
                .issue(party, KeyAlgorithm.EC_P256, Duration.ofDays(30));
    }

    private Credential custom(String party, KeyUsage usage) throws Exception {
        X509Certificate ca = pki.ca().certificate();
        PrivateKey caKey = Pem.readPrivateKey(pki.dir().resolve(CertificateAuthority.KEY_FILE));
        KeyPair keys = KeyAlgorithm.EC_P256.generateKeyPair();
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, BigInteger.valueOf(SERIALS.incrementAndGet()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(30, ChronoUnit.DAYS)),
                new X500Principal("CN=" + (party == null ? "No party" : party)), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, usage);
        if (party != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, PartyIds.uri(party))));
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
        return new Credential(keys.getPrivate(), certificate, List.of(certificate, ca));
    }
}
