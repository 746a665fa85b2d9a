package org.lmx.connectors.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.RevocationReason;

/**
 * A PKI made at run time for the signature tests: the hub CA with party certificates (valid, expired, revoked,
 * without party URI, without signature key usage) and a rogue CA that issues a look-alike of a real party.
 */
final class TestPki {

    private static TestPki shared;

    private final Path dir;
    private final CertificateAuthority ca;
    private final CertificateAuthority rogue;
    private final Credential korea;

    private TestPki(Path dir, URI crlUrl) throws Exception {
        this.dir = dir;
        this.ca = CertificateAuthority.create(dir.resolve("hub"), crlUrl);
        Instant now = Instant.now();
        this.rogue = CertificateAuthority.create(dir.resolve("rogue"), "CN=Rogue Ministry CA, C=KZ", KeyAlgorithm.RSA_2048,
                now.minus(1, ChronoUnit.DAYS), now.plus(3650, ChronoUnit.DAYS), crlUrl);
        this.korea = ca.issue("KOR:MOEL", KeyAlgorithm.RSA_2048, Duration.ofDays(365));
    }

    /** One PKI for a test class run (key generation is the slow part). */
    static synchronized TestPki shared() {
        if (shared == null) {
            shared = create(CertificateAuthority.DEFAULT_CRL_URL);
        }
        return shared;
    }

    /** A separate PKI whose certificates name {@code crlUrl} as their distribution point. */
    static TestPki create(URI crlUrl) {
        try {
            Path dir = Files.createTempDirectory("lmx-test-pki");
            dir.toFile().deleteOnExit();
            return new TestPki(dir, crlUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Path dir() {
        return dir;
    }

    X509Certificate caCertificate() {
        return ca.certificate();
    }

    Credential korea() {
        return korea;
    }

    Credential party(String party, KeyAlgorithm algorithm) throws Exception {
        return ca.issue(party, algorithm, Duration.ofDays(365));
    }

    Credential fromRogueCa(String party) throws Exception {
        return rogue.issue(party, KeyAlgorithm.RSA_2048, Duration.ofDays(365));
    }

    /** A certificate of {@code party} valid for a year that ended a year ago. */
    Credential expired(String party) throws Exception {
        Instant now = Instant.now();
        return ca.issue(party, KeyAlgorithm.RSA_2048, now.minus(730, ChronoUnit.DAYS), now.minus(365, ChronoUnit.DAYS));
    }

    Credential revoked(String party) throws Exception {
        Credential credential = party(party, KeyAlgorithm.RSA_2048);
        ca.revoke(credential.certificate(), RevocationReason.KEY_COMPROMISE);
        return credential;
    }

    X509CRL crl() throws Exception {
        return ca.crl(Instant.now().plus(7, ChronoUnit.DAYS));
    }

    /** Issued by the hub CA, but with no urn:lmx:party: URI. */
    Credential withoutPartyUri() throws Exception {
        return custom(null, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
    }

    /** Issued by the hub CA for {@code party}, but for key encipherment only. */
    Credential withoutSignatureKeyUsage(String party) throws Exception {
        return custom(party, new KeyUsage(KeyUsage.keyEncipherment));
    }

    /** A signer under an intermediate CA of the hub CA, and a CRL of that intermediate revoking it. */
    record UnderIntermediate(Credential signer, X509CRL revocation) {
    }

    UnderIntermediate underIntermediate(String party, URI crlUrl) throws Exception {
        Instant now = Instant.now();
        PrivateKey rootKey = Pem.readPrivateKey(ca.dir().resolve(CertificateAuthority.KEY_FILE));
        KeyPair intermediateKeys = KeyAlgorithm.RSA_2048.generateKeyPair();
        JcaX509v3CertificateBuilder intermediateBuilder = new JcaX509v3CertificateBuilder(ca.certificate(),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Principal("CN=Partner Ministry Issuing CA, C=KR"),
                intermediateKeys.getPublic());
        intermediateBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
        intermediateBuilder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        X509Certificate intermediate = new JcaX509CertificateConverter().getCertificate(
                intermediateBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(rootKey)));

        KeyPair keys = KeyAlgorithm.EC_P256.generateKeyPair();
        BigInteger serial = BigInteger.valueOf(now.toEpochMilli() + 1);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(intermediate, serial,
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(200, ChronoUnit.DAYS)),
                new X500Principal("CN=" + party), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, PartyIds.uri(party))));
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl.toString()))), null, null)}));
        X509Certificate signer = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(intermediateKeys.getPrivate())));

        JcaX509v2CRLBuilder crl = new JcaX509v2CRLBuilder(intermediate, Date.from(now.minus(1, ChronoUnit.MINUTES)));
        crl.setNextUpdate(Date.from(now.plus(7, ChronoUnit.DAYS)));
        crl.addCRLEntry(serial, Date.from(now.minus(30, ChronoUnit.MINUTES)), CRLReason.keyCompromise);
        X509CRL revocation = new JcaX509CRLConverter().getCRL(
                crl.build(new JcaContentSignerBuilder("SHA256withRSA").build(intermediateKeys.getPrivate())));
        return new UnderIntermediate(new Credential(keys.getPrivate(), signer, List.of(signer, intermediate, ca.certificate())),
                revocation);
    }

    private Credential custom(String party, KeyUsage usage) throws Exception {
        KeyPair keys = KeyAlgorithm.RSA_2048.generateKeyPair();
        PrivateKey caKey = Pem.readPrivateKey(ca.dir().resolve(CertificateAuthority.KEY_FILE));
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.HOURS)),
                Date.from(now.plus(365, ChronoUnit.DAYS)), new X500Principal("CN=" + (party == null ? "No party" : party)),
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, usage);
        if (party != null) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, PartyIds.uri(party))));
        }
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey)));
        return new Credential(keys.getPrivate(), certificate, List.of(certificate, ca.certificate()));
    }
}
