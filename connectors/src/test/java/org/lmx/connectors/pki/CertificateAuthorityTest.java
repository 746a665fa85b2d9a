package org.lmx.connectors.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CRLReason;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.pkcs.CertificationRequestInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The hub CA as `lmx pki` and the tests of the signature code use it. */
class CertificateAuthorityTest {

    @TempDir
    static Path caDir;

    private static CertificateAuthority ca;

    @BeforeAll
    static void createCa() throws Exception {
        ca = CertificateAuthority.create(caDir, URI.create("http://pki.example.kz/crl/hub-ca.crl"));
    }

    // ---- the CA ----

    @Test
    void theCaIsASelfSignedCaForCertificatesAndCrls() throws Exception {
        X509Certificate root = ca.certificate();
        assertThat(root.getSubjectX500Principal()).isEqualTo(new X500Principal(CertificateAuthority.DEFAULT_SUBJECT));
        assertThat(root.getSubjectX500Principal().getName())
                .isEqualTo("CN=LMX Hub Development CA,O=Ministry of Labour and Social Protection,C=KZ");
        assertThat(root.getIssuerX500Principal()).isEqualTo(root.getSubjectX500Principal());
        root.verify(root.getPublicKey());
        assertThat(root.getBasicConstraints()).isZero(); // a CA, path length 0
        assertThat(root.getCriticalExtensionOIDs()).contains(Extension.basicConstraints.getId(), Extension.keyUsage.getId());
        boolean[] usage = root.getKeyUsage();
        assertThat(usage[5]).as("keyCertSign").isTrue();
        assertThat(usage[6]).as("cRLSign").isTrue();
        assertThat(usage[0]).as("digitalSignature").isFalse();
        assertThat(KeyStrength.describe(root.getPublicKey())).isEqualTo("RSA 3072");
        assertThat(Files.readString(caDir.resolve(CertificateAuthority.KEY_FILE))).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void aSecondCaInTheSameDirectoryIsRefused() {
        PkiException e = catchThrowableOfType(PkiException.class,
                () -> CertificateAuthority.create(caDir, CertificateAuthority.DEFAULT_CRL_URL));
        assertThat(e.code()).isEqualTo(PkiException.CA_EXISTS);
        assertThat(e.getMessage()).contains(caDir.toString());
    }

    @Test
    void aDirectoryWithoutCaIsNotFound(@TempDir Path empty) {
        PkiException e = catchThrowableOfType(PkiException.class, () -> CertificateAuthority.open(empty));
        assertThat(e.code()).isEqualTo(PkiException.NOT_FOUND);
        assertThat(e.getMessage()).contains("lmx pki init");
    }

    @Test
    void aCaOpenedLaterContinuesItsSerials() throws Exception {
        X509Certificate before = ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate();
        CertificateAuthority reopened = CertificateAuthority.open(caDir);
        X509Certificate after = reopened.issue("KOR:MOEL", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate();
        assertThat(reopened.certificate()).isEqualTo(ca.certificate());
        assertThat(reopened.crlUrl()).isEqualTo(ca.crlUrl());
        assertThat(after.getSerialNumber()).isGreaterThan(before.getSerialNumber());
        assertThat(reopened.issuedCertificate(before.getSerialNumber())).isEqualTo(before);
    }

    // ---- party certificates ----

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void aPartyCertificateBindsThePartyAndChainsToTheCa(KeyAlgorithm algorithm) throws Exception {
        Credential credential = ca.issue("KOR:MOEL", algorithm, Duration.ofDays(365));
        X509Certificate certificate = credential.certificate();

        assertThat(credential.chain()).containsExactly(certificate, ca.certificate());
        assertThat(credential.privateKey().getAlgorithm()).isEqualTo(certificate.getPublicKey().getAlgorithm());
        assertThat(KeyStrength.describe(certificate.getPublicKey())).isEqualTo(algorithm.description());
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withRSA"); // signed by the RSA CA
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=KOR:MOEL,C=KR");
        assertThat(certificate.getSubjectAlternativeNames()).containsExactly(List.of(6, "urn:lmx:party:KOR:MOEL"));
        assertThat(PartyIds.partyOf(certificate)).contains("KOR:MOEL");
        assertThat(credential.party()).contains("KOR:MOEL");

        boolean[] usage = certificate.getKeyUsage();
        assertThat(usage[0]).as("digitalSignature").isTrue();
        assertThat(usage[1]).as("nonRepudiation").isTrue();
        assertThat(usage[2] || usage[3] || usage[4] || usage[5] || usage[6]).as("no other usage").isFalse();
        assertThat(certificate.getCriticalExtensionOIDs()).contains(Extension.keyUsage.getId());
        assertThat(certificate.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(crlUrls(certificate)).containsExactly("http://pki.example.kz/crl/hub-ca.crl");
        assertThat(keyIdentifier(certificate, Extension.authorityKeyIdentifier))
                .isEqualTo(subjectKeyIdentifier(ca.certificate()));
        assertThat(certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId())).isNotNull();

        assertThat(certificate.getNotBefore().toInstant()).isBefore(Instant.now());
        assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(364)));
        validateWithPkix(certificate, new Date()); // throws if the chain does not verify
    }

    @Test
    void everyCertificateGetsItsOwnSerial() throws Exception {
        X509Certificate a = ca.issue("TUR:CSGB", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate();
        X509Certificate b = ca.issue("TUR:CSGB", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate();
        assertThat(a.getSerialNumber()).isNotEqualTo(b.getSerialNumber()).isNotEqualTo(ca.certificate().getSerialNumber());
    }

    @Test
    void aPartyOfAnAgencyWithAHyphenIsCertified() throws Exception {
        X509Certificate certificate = ca.issue("KAZ:AKIMAT-75", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate();
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=KAZ:AKIMAT-75,C=KZ");
        assertThat(PartyIds.partyOf(certificate)).contains("KAZ:AKIMAT-75");
    }

    @Test
    void aCertificateValidInThePastIsExpiredNow() throws Exception {
        Instant now = Instant.now();
        Credential expired = ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256,
                now.minus(400, ChronoUnit.DAYS), now.minus(35, ChronoUnit.DAYS));
        CertPathValidatorException e = catchThrowableOfType(CertPathValidatorException.class,
                () -> validateWithPkix(expired.certificate(), new Date()));
        assertThat(e.getReason()).isEqualTo(CertPathValidatorException.BasicReason.EXPIRED);
        validateWithPkix(expired.certificate(), Date.from(now.minus(100, ChronoUnit.DAYS)));
    }

    @Test
    void aValidityThatEndsBeforeItStartsOrOutlivesTheCaIsRefused() {
        Instant now = Instant.now();
        assertThat(catchThrowableOfType(PkiException.class, () -> ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256,
                now, now.minusSeconds(1))).code()).isEqualTo(PkiException.INVALID_VALIDITY);
        assertThat(catchThrowableOfType(PkiException.class, () -> ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256,
                Duration.ofDays(20 * 365))).code()).isEqualTo(PkiException.INVALID_VALIDITY);
    }

    @Test
    void aBadPartyIdIsRefusedBeforeAnythingIsIssued() {
        assertThatThrownBy(() -> ca.issue("kor:moel", KeyAlgorithm.EC_P256, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'kor:moel' is not a party id");
    }

    // ---- CSRs ----

    @Test
    void aCsrIsCertifiedForThePartyTheCaNames() throws Exception {
        KeyPair keyPair = KeyAlgorithm.EC_P256.generateKeyPair();
        PKCS10CertificationRequest csr = csr("CN=whatever the requester says", keyPair);

        X509Certificate certificate = ca.signCsr(csr, "UZB:MEHNAT", Duration.ofDays(30));

        assertThat(certificate.getPublicKey()).isEqualTo(keyPair.getPublic());
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=UZB:MEHNAT,C=UZ");
        assertThat(PartyIds.partyOf(certificate)).contains("UZB:MEHNAT");
        validateWithPkix(certificate, new Date());
        assertThat(Credential.of(keyPair.getPrivate(), List.of(certificate, ca.certificate())).chain()).hasSize(2);
    }

    @Test
    void aTamperedCsrIsRefused() throws Exception {
        PKCS10CertificationRequest genuine = csr("CN=test", KeyAlgorithm.RSA_2048.generateKeyPair());
        CertificationRequest asn1 = genuine.toASN1Structure();
        // Same key and signature, another subject: what a man in the middle would send.
        CertificationRequestInfo info = asn1.getCertificationRequestInfo();
        PKCS10CertificationRequest tampered = new PKCS10CertificationRequest(new CertificationRequest(
                new CertificationRequestInfo(new X500Name("CN=someone else"),
                        info.getSubjectPublicKeyInfo(), info.getAttributes()),
                asn1.getSignatureAlgorithm(), asn1.getSignature()));

        PkiException e = catchThrowableOfType(PkiException.class,
                () -> ca.signCsr(tampered, "KOR:MOEL", Duration.ofDays(30)));
        assertThat(e.code()).isEqualTo(PkiException.CSR_SIGNATURE);
        assertThat(e.getMessage()).contains("does not verify");
    }

    @Test
    void aCsrWithAnRsa1024KeyIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        PkiException e = catchThrowableOfType(PkiException.class,
                () -> ca.signCsr(csr("CN=test", generator.generateKeyPair()), "KOR:MOEL", Duration.ofDays(30)));
        assertThat(e.code()).isEqualTo(PkiException.WEAK_KEY);
        assertThat(e.getMessage()).contains("1024 bits").contains("2048");
    }

    @Test
    void aCsrWithAnEcKeyOnASmallCurveIsWeak() throws Exception {
        // The JDK no longer makes P-224 keys; Bouncy Castle does, passed explicitly (never registered).
        PkiException e = catchThrowableOfType(PkiException.class,
                () -> ca.signCsr(bcCsr("secp224r1"), "KOR:MOEL", Duration.ofDays(30)));
        assertThat(e.code()).isEqualTo(PkiException.WEAK_KEY);
        assertThat(e.getMessage()).contains("secp224r1").contains("P-256");
    }

    @Test
    void aCsrWithAnEcKeyOnACurveOutsideThePolicyIsUnsupported() throws Exception {
        PkiException e = catchThrowableOfType(PkiException.class,
                () -> ca.signCsr(bcCsr("secp256k1"), "KOR:MOEL", Duration.ofDays(30)));
        assertThat(e.code()).isEqualTo(PkiException.UNSUPPORTED_KEY);
        assertThat(e.getMessage()).contains("secp256k1");
    }

    // ---- revocation ----

    @Test
    void aRevokedCertificateIsOnTheCrlWhichTheCaSigned() throws Exception {
        X509Certificate keep = ca.issue("GBR:DWP", KeyAlgorithm.EC_P256, Duration.ofDays(30)).certificate();
        X509Certificate revoke = ca.issue("ISR:MOL", KeyAlgorithm.EC_P256, Duration.ofDays(30)).certificate();

        Revocation revocation = ca.revoke(revoke, RevocationReason.KEY_COMPROMISE);
        X509CRL crl = ca.crl(Instant.now().plus(Duration.ofDays(7)));

        assertThat(revocation.serial()).isEqualTo(revoke.getSerialNumber());
        crl.verify(ca.certificate().getPublicKey()); // throws if not signed by the CA
        assertThat(crl.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
        assertThat(crl.isRevoked(revoke)).isTrue();
        assertThat(crl.isRevoked(keep)).isFalse();
        X509CRLEntry entry = crl.getRevokedCertificate(revoke.getSerialNumber());
        assertThat(entry.getRevocationReason()).isEqualTo(CRLReason.KEY_COMPROMISE);
        assertThat(crl.getNextUpdate().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThat(keyIdentifier(crl.getExtensionValue(Extension.authorityKeyIdentifier.getId())))
                .isEqualTo(subjectKeyIdentifier(ca.certificate()));
        assertThat(ca.revocations()).extracting(Revocation::serial).contains(revoke.getSerialNumber());
    }

    @Test
    void crlNumbersIncrease() throws Exception {
        BigInteger first = crlNumber(ca.crl(Instant.now().plusSeconds(3600)));
        BigInteger second = crlNumber(ca.publishCrl(Instant.now().plusSeconds(3600)));
        assertThat(second).isGreaterThan(first);
        assertThat(Pem.readCrl(caDir.resolve(CertificateAuthority.CRL_FILE)).getEncoded()).isNotEmpty();
    }

    @Test
    void anUnspecifiedReasonIsLeftOutOfTheCrlEntry() throws Exception {
        X509Certificate certificate = ca.issue("USA:DOL", KeyAlgorithm.EC_P256, Duration.ofDays(30)).certificate();
        ca.revoke(certificate.getSerialNumber(), RevocationReason.UNSPECIFIED);
        X509CRLEntry entry = ca.crl(Instant.now().plusSeconds(3600)).getRevokedCertificate(certificate);
        assertThat(entry).isNotNull();
        assertThat(entry.getExtensionValue(Extension.reasonCode.getId())).isNull();
    }

    @Test
    void revokingTwiceOrRevokingWhatWasNotIssuedHereIsRefused(@TempDir Path otherDir) throws Exception {
        X509Certificate certificate = ca.issue("DEU:BMAS", KeyAlgorithm.EC_P256, Duration.ofDays(30)).certificate();
        ca.revoke(certificate, RevocationReason.SUPERSEDED);
        assertThat(catchThrowableOfType(PkiException.class, () -> ca.revoke(certificate, RevocationReason.SUPERSEDED))
                .code()).isEqualTo(PkiException.ALREADY_REVOKED);

        assertThat(catchThrowableOfType(PkiException.class,
                () -> ca.revoke(BigInteger.valueOf(0xFFFFFF), RevocationReason.UNSPECIFIED)).code())
                .isEqualTo(PkiException.UNKNOWN_CERTIFICATE);

        CertificateAuthority rogue = CertificateAuthority.create(otherDir, "CN=LMX Hub Development CA, O=Ministry of "
                + "Labour and Social Protection, C=KZ", KeyAlgorithm.EC_P256, Instant.now(),
                Instant.now().plus(Duration.ofDays(30)), CertificateAuthority.DEFAULT_CRL_URL);
        X509Certificate sameNameOtherKey = rogue.issue("DEU:BMAS", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate();
        PkiException e = catchThrowableOfType(PkiException.class,
                () -> ca.revoke(sameNameOtherKey, RevocationReason.UNSPECIFIED));
        assertThat(e.code()).isEqualTo(PkiException.UNKNOWN_CERTIFICATE);
    }

    @Test
    void serialsReadAndPrintAsOpensslShowsThem() {
        assertThat(CertificateAuthority.serialHex(BigInteger.valueOf(10))).isEqualTo("0A");
        assertThat(CertificateAuthority.serialHex(BigInteger.valueOf(0x1234))).isEqualTo("1234");
        assertThat(CertificateAuthority.parseSerial("0x0a")).isEqualTo(BigInteger.TEN);
        assertThat(CertificateAuthority.parseSerial("01:0A")).isEqualTo(BigInteger.valueOf(0x10A));
        assertThatThrownBy(() -> CertificateAuthority.parseSerial("KOR")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- helpers ----

    static PKCS10CertificationRequest csr(String subject, KeyPair keyPair) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal(subject), keyPair.getPublic())
                .build(new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(keyPair.getPrivate()))
                        .build(keyPair.getPrivate()));
    }

    private static PKCS10CertificationRequest bcCsr(String curve) throws Exception {
        BouncyCastleProvider bc = new BouncyCastleProvider();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", bc);
        generator.initialize(new ECGenParameterSpec(curve));
        KeyPair keyPair = generator.generateKeyPair();
        return new JcaPKCS10CertificationRequestBuilder(new X500Principal("CN=test"), keyPair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(bc).build(keyPair.getPrivate()));
    }

    private static void validateWithPkix(X509Certificate certificate, Date at) throws Exception {
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(ca.certificate(), null)));
        parameters.setRevocationEnabled(false);
        parameters.setDate(at);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(certificate)), parameters);
    }

    private static List<String> crlUrls(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        CRLDistPoint points = CRLDistPoint.getInstance(ASN1OctetString.getInstance(value).getOctets());
        return Arrays.stream(points.getDistributionPoints())
                .flatMap(p -> Arrays.stream(GeneralNames.getInstance(p.getDistributionPoint().getName()).getNames()))
                .filter(n -> n.getTagNo() == GeneralName.uniformResourceIdentifier)
                .map(n -> n.getName().toString()).toList();
    }

    private static byte[] subjectKeyIdentifier(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        return ASN1OctetString.getInstance(ASN1OctetString.getInstance(value).getOctets()).getOctets();
    }

    private static byte[] keyIdentifier(X509Certificate certificate, ASN1ObjectIdentifier oid) {
        return keyIdentifier(certificate.getExtensionValue(oid.getId()));
    }

    private static byte[] keyIdentifier(byte[] akiExtensionValue) {
        return AuthorityKeyIdentifier.getInstance(
                ASN1OctetString.getInstance(akiExtensionValue).getOctets()).getKeyIdentifier();
    }

    private static BigInteger crlNumber(X509CRL crl) {
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(
                crl.getExtensionValue(Extension.cRLNumber.getId())).getOctets()).getValue();
    }
}
