package org.lmx.connectors.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lmx.connectors.ExternalTool.XMLSEC1;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.Pem;

/**
 * Interop with an independent XMLDSig implementation, xmlsec1 (libxmlsec1 over OpenSSL): what LMX signs,
 * xmlsec1 verifies against the hub CA; what xmlsec1 signs from an LMX-shaped template, LMX verifies and binds
 * to the party. Skipped where xmlsec1 is missing, except in CI (see {@link org.lmx.connectors.ExternalTool}).
 */
class XmlSec1InteropTest {

    private static final TestPki PKI = TestPki.shared();

    @TempDir
    Path dir;

    @BeforeAll
    static void requireXmlsec1() {
        XMLSEC1.assumeAvailable();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256"})
    void xmlsec1VerifiesWhatLmxSigns(KeyAlgorithm algorithm) throws Exception {
        Credential korea = PKI.party("KOR:MOEL", algorithm);
        Path signed = Files.write(dir.resolve("signed.xml"),
                XmlSigner.sign(SignatureVerifierTest.sample("WorkPermitApplication"), korea));
        Path ca = caPem();

        assertThat(XMLSEC1.ok(dir, "--verify", "--trusted-pem", ca.toString(), signed.toString())).contains("OK");

        String text = Files.readString(signed);
        Path tampered = Files.writeString(dir.resolve("tampered.xml"), text.replace("<Sex>M</Sex>", "<Sex>F</Sex>"));
        assertThat(text).contains("<Sex>M</Sex>");
        assertThat(XMLSEC1.run(dir, "--verify", "--trusted-pem", ca.toString(), tampered.toString()).exitCode())
                .as("xmlsec1 must refuse the tampered copy").isNotZero();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256"})
    void lmxVerifiesWhatXmlsec1Signs(KeyAlgorithm algorithm) throws Exception {
        Credential uzbekistan = PKI.party("UZB:MEHNAT", algorithm);
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        Pem.writePrivateKey(key, uzbekistan.privateKey());
        Pem.writeCertificate(cert, uzbekistan.certificate());
        String method = algorithm == KeyAlgorithm.EC_P256 ? SignatureMethod.ECDSA_SHA256 : SignatureMethod.RSA_SHA256;
        Path template = Files.writeString(dir.resolve("template.xml"), withTemplate(
                new String(SignatureVerifierTest.sample("FetchRequest"), StandardCharsets.UTF_8), method));
        Path out = dir.resolve("out.xml");

        XMLSEC1.ok(dir, "--sign", "--privkey-pem", key + "," + cert, "--output", out.toString(), template.toString());

        VerifiedDocument verified = new SignatureVerifier(CrlSource.NONE).verify(Files.readAllBytes(out),
                TrustAnchors.authority(PKI.caCertificate()), VerificationOptions.defaults().expectParty("UZB:MEHNAT"));
        assertThat(verified.party()).isEqualTo("UZB:MEHNAT");
        assertThat(verified.signer()).isEqualTo(uzbekistan.certificate());
    }

    /** An xmlsec1 signature template of the LMX shape, as the last element child of the root. */
    private static String withTemplate(String document, String signatureMethod) {
        String template = """
                <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                <ds:SignedInfo>
                <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                <ds:SignatureMethod Algorithm="%s"/>
                <ds:Reference URI="">
                <ds:Transforms>
                <ds:Transform Algorithm="http://www.w3.org/2000/09/xmldsig#enveloped-signature"/>
                <ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                </ds:Transforms>
                <ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/>
                <ds:DigestValue/>
                </ds:Reference>
                </ds:SignedInfo>
                <ds:SignatureValue/>
                <ds:KeyInfo><ds:X509Data><ds:X509Certificate/></ds:X509Data></ds:KeyInfo>
                </ds:Signature>""".formatted(signatureMethod);
        return document.replace("</ExchangeMessage>", template + "</ExchangeMessage>");
    }

    private Path caPem() throws Exception {
        Path ca = dir.resolve("hub-ca.pem");
        Pem.writeCertificate(ca, PKI.caCertificate());
        return ca;
    }
}
