package org.lmx.connectors.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.xsd.agreement.v1.RevocationPolicy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The signature policy and the trust decision, each refusal with its own code. The documents are the
 * committed samples (Korea's work-permit application, Uzbekistan's fetch request), signed at run time with
 * keys from a PKI the test makes.
 */
class SignatureVerifierTest {

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final TestPki PKI = TestPki.shared();

    private final SignatureVerifier verifier = new SignatureVerifier(CrlSource.NONE);
    private final TrustAnchors hubCa = TrustAnchors.authority(PKI.caCertificate());

    // ---- what must pass ----

    @Test
    void aDocumentSignedWithRsaVerifiesAndNamesItsParty() throws Exception {
        VerifiedDocument verified = verify(sign(sample("StatusRequest"), PKI.korea()));
        assertThat(verified.party()).isEqualTo("KOR:MOEL");
        assertThat(verified.signer()).isEqualTo(PKI.korea().certificate());
        assertThat(verified.warnings()).isEmpty();
    }

    @Test
    void aDocumentSignedWithEcP256Verifies() throws Exception {
        Credential uzbekistan = PKI.party("UZB:MEHNAT", KeyAlgorithm.EC_P256);
        byte[] signed = sign(sample("FetchRequest"), uzbekistan);
        assertThat(new String(signed, StandardCharsets.UTF_8)).contains(SignatureMethod.ECDSA_SHA256);
        assertThat(verify(signed).party()).isEqualTo("UZB:MEHNAT");
    }

    @Test
    void aPinnedCertificateIsTrustedWithoutItsCa() throws Exception {
        byte[] signed = sign(sample("StatusRequest"), PKI.korea());
        VerifiedDocument verified = verifier.verify(signed, TrustAnchors.pinned(List.of(PKI.korea().certificate())),
                VerificationOptions.defaults());
        assertThat(verified.party()).isEqualTo("KOR:MOEL");
    }

    @Test
    void theSignatureIsTheLastElementChildOfTheRoot() throws Exception {
        Document signed = SecureXml.parse(sign(sample("StatusRequest"), PKI.korea()));
        Element last = (Element) signed.getDocumentElement().getLastChild();
        assertThat(last.getNamespaceURI()).isEqualTo(DSIG);
        assertThat(last.getLocalName()).isEqualTo("Signature");
    }

    // ---- content changed after signing ----

    @Test
    void aChangedBodyIsRefused() throws Exception {
        byte[] signed = sign(sample("WorkPermitApplication"), PKI.korea());
        byte[] tampered = replace(signed, "<MonthlyWage currency=\"KZT\">", "<MonthlyWage currency=\"KZT\">1");
        assertRefused(tampered, SignatureError.DIGEST_MISMATCH);
    }

    @Test
    void aChangedHeaderIsRefused() throws Exception {
        byte[] signed = sign(sample("StatusRequest"), PKI.korea());
        byte[] tampered = replace(signed, "<To>KAZ:MLSP</To>", "<To>KAZ:MIA</To>");
        assertRefused(tampered, SignatureError.DIGEST_MISMATCH);
    }

    // ---- the signature rules, before any cryptography ----

    @Test
    void aSha1DigestIsRefusedWithTheProjectsCode() throws Exception {
        assertRefused(HostileSigner.like().digest(DigestMethod.SHA1).sign(sample("StatusRequest"), PKI.korea()),
                SignatureError.DIGEST_ALGORITHM);
    }

    @Test
    void aSha1SignatureIsRefusedWithTheProjectsCode() throws Exception {
        assertRefused(HostileSigner.like().signatureMethod(SignatureMethod.RSA_SHA1).sign(sample("StatusRequest"), PKI.korea()),
                SignatureError.SIGNATURE_ALGORITHM);
    }

    @Test
    void twoSignaturesAreRefused() throws Exception {
        Document document = SecureXml.parse(sign(sample("StatusRequest"), PKI.korea()));
        HostileSigner.like().sign(document, PKI.korea());
        assertRefused(XmlBytes.of(document), SignatureError.MULTIPLE);
    }

    @Test
    void aSecondReferenceIsRefused() throws Exception {
        assertRefused(HostileSigner.like().secondReference().sign(sample("StatusRequest"), PKI.korea()),
                SignatureError.REFERENCE_COUNT);
    }

    @Test
    void aReferenceToAnythingButTheWholeDocumentIsRefused() throws Exception {
        byte[] signed = sign(sample("StatusRequest"), PKI.korea());
        assertRefused(replace(signed, "<ds:Reference URI=\"\">", "<ds:Reference URI=\"#Body\">"), SignatureError.REFERENCE_URI);
    }

    @Test
    void aPrefixListIsRefused() throws Exception {
        assertRefused(HostileSigner.like().prefixList("lmx").sign(sample("StatusRequest"), PKI.korea()),
                SignatureError.PREFIX_LIST);
    }

    @Test
    void aSignatureThatIsNotTheLastElementChildIsRefused() throws Exception {
        Document document = SecureXml.parse(sign(sample("StatusRequest"), PKI.korea()));
        Element root = document.getDocumentElement();
        Element signature = (Element) root.getElementsByTagNameNS(DSIG, "Signature").item(0);
        root.insertBefore(signature, root.getFirstChild());
        assertRefused(XmlBytes.of(document), SignatureError.NOT_LAST);
    }

    @Test
    void anUnsignedDocumentIsRefused() throws Exception {
        assertRefused(sample("StatusRequest"), SignatureError.MISSING);
    }

    @Test
    void aSignatureWithoutCertificateIsRefused() throws Exception {
        assertRefused(HostileSigner.like().withoutKeyInfo().sign(sample("StatusRequest"), PKI.korea()),
                SignatureError.NO_CERTIFICATE);
    }

    // ---- the signer's certificate ----

    @Test
    void aCertificateFromAnotherCaIsRefusedNamingTheIssuer() throws Exception {
        SignatureException e = assertRefused(sign(sample("StatusRequest"), PKI.fromRogueCa("KOR:MOEL")),
                SignatureError.CERT_UNTRUSTED);
        assertThat(e.getMessage()).contains("KOR:MOEL").contains("Rogue");
    }

    @Test
    void anExpiredCertificateIsRefusedNowButHoldsAtTheTimeOfReceipt() throws Exception {
        Credential expired = PKI.expired("KOR:MOEL");
        byte[] signed = sign(sample("StatusRequest"), expired);
        SignatureException e = assertRefused(signed, SignatureError.CERT_EXPIRED);
        assertThat(e.getMessage()).contains("KOR:MOEL");

        // Evidence checked years later uses the time recorded in the receipt, when the certificate was valid.
        Instant receivedAt = expired.certificate().getNotAfter().toInstant().minus(30, ChronoUnit.DAYS);
        assertThat(verifier.verify(signed, hubCa, VerificationOptions.defaults().at(receivedAt)).party()).isEqualTo("KOR:MOEL");
    }

    @Test
    void aRevokedCertificateIsRefusedWithTheCrlGiven() throws Exception {
        Credential revoked = PKI.revoked("TUR:CSGB");
        byte[] signed = sign(sample("StatusRequest"), revoked);
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> verifier.verify(signed, hubCa,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_HARD_FAIL, List.of(PKI.crl()))));
        assertThat(e).isNotNull();
        assertThat(e.error()).isEqualTo(SignatureError.CERT_REVOKED);
        // without revocation checking the same signature holds: the policy is the agreement's choice
        assertThat(verify(signed).party()).isEqualTo("TUR:CSGB");
    }

    @Test
    void aCertificateWithoutThePartyUriIsRefused() throws Exception {
        assertRefused(sign(sample("StatusRequest"), PKI.withoutPartyUri()), SignatureError.CERT_NO_PARTY);
    }

    @Test
    void aSignerOfAnotherPartyThanExpectedIsRefused() throws Exception {
        byte[] signed = sign(sample("StatusRequest"), PKI.korea());
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> verifier.verify(signed, hubCa,
                VerificationOptions.defaults().expectParty("UZB:MEHNAT")));
        assertThat(e.error()).isEqualTo(SignatureError.CERT_WRONG_PARTY);
        assertThat(e.getMessage()).contains("KOR:MOEL").contains("UZB:MEHNAT");
    }

    @Test
    void aCertificateNotForSignaturesIsRefused() throws Exception {
        assertRefused(sign(sample("StatusRequest"), PKI.withoutSignatureKeyUsage("KOR:MOEL")), SignatureError.CERT_KEY_USAGE);
    }

    // ---- hostile XML, before the signature is even looked at ----

    @Test
    void aDoctypeWithAnExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ExchangeMessage xmlns=\"urn:lmx:exchange:1\">&x;</ExchangeMessage>";
        assertXmlRefused(xxe.getBytes(StandardCharsets.UTF_8), XmlRejectedException.DOCTYPE);
    }

    @Test
    void billionLaughsIsRefused() {
        StringBuilder laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><lolz>&lol9;</lolz>");
        assertXmlRefused(laughs.toString().getBytes(StandardCharsets.UTF_8), XmlRejectedException.DOCTYPE);
    }

    @Test
    void aDocumentOverTheSizeLimitIsRefusedBeforeParsing() throws Exception {
        byte[] signed = sign(sample("StatusRequest"), PKI.korea());
        XmlRejectedException e = catchThrowableOfType(XmlRejectedException.class, () -> verifier.verify(signed, hubCa,
                VerificationOptions.defaults().maxBytes(1024)));
        assertThat(e.code()).isEqualTo(XmlRejectedException.TOO_LARGE);
    }

    @Test
    void aSchemaInvalidDocumentIsRefusedEvenWhenWellSigned() throws Exception {
        byte[] invalid = replace(sample("StatusRequest"), "<DocumentType>StatusRequest</DocumentType>",
                "<DocumentType>StatusEnquiry</DocumentType>");
        assertXmlRefused(sign(invalid, PKI.korea()), XmlRejectedException.SCHEMA_INVALID);
    }

    // ---- helpers ----

    private VerifiedDocument verify(byte[] signed) throws Exception {
        return verifier.verify(signed, hubCa, VerificationOptions.defaults());
    }

    private SignatureException assertRefused(byte[] signed, SignatureError expected) {
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> verify(signed));
        assertThat(e).as("refused with " + expected.code()).isNotNull();
        assertThat(e.error()).as(e.getMessage()).isEqualTo(expected);
        assertThat(e.code()).isEqualTo(expected.code());
        return e;
    }

    private void assertXmlRefused(byte[] bytes, String code) {
        LmxException e = catchThrowableOfType(LmxException.class, () -> verify(bytes));
        assertThat(e).isInstanceOf(XmlRejectedException.class);
        assertThat(e.code()).isEqualTo(code);
    }

    static byte[] sample(String documentType) throws Exception {
        return Files.readAllBytes(Path.of("..", "examples", "documents", documentType + ".xml"));
    }

    static byte[] sign(byte[] unsigned, Credential credential) throws Exception {
        return XmlSigner.sign(unsigned, credential);
    }

    private static byte[] replace(byte[] bytes, String from, String to) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains(from);
        return text.replace(from, to).getBytes(StandardCharsets.UTF_8);
    }

}
