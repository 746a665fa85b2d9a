package org.lmx.connectors.signature;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies signed bytes as a document of their own, in the order of ARCHITECTURE.md: size limit, hardened
 * parse, the signature rules (before any cryptography), schema validation, the signature itself, the
 * signer's certificate against the trust anchors at the validation time, and the party binding. Thread-safe.
 */
public final class SignatureVerifier {

    private final CertificateValidator certificates;

    public SignatureVerifier(CrlSource crlSource) {
        this.certificates = new CertificateValidator(crlSource);
    }

    /** A verifier that fetches CRLs from distribution points over HTTP when the policy asks for them. */
    public SignatureVerifier() {
        this(new HttpCrlSource());
    }

    public VerifiedDocument verify(byte[] signed, TrustAnchors trust, VerificationOptions options)
            throws XmlRejectedException, SignatureException {
        Document document = SecureXml.parse(signed, options.maxBytes());
        SignaturePolicy.check(document);
        schemaOf(document).validate(document);
        return verifyParsed(document, trust, options);
    }

    /**
     * The cryptographic half of {@link #verify}, for a caller that parsed the document and checked it against
     * the schema itself (the inbound pipeline, which needs the header to find the agreement's trust): the
     * signature rules, the signature, the certificate, the party.
     */
    public VerifiedDocument verifyParsed(Document document, TrustAnchors trust, VerificationOptions options)
            throws SignatureException {
        Element signature = SignaturePolicy.check(document);
        List<X509Certificate> chain = certificatesIn(signature);
        X509Certificate signer = chain.get(0);
        checkSignatureValue(signature, signer);
        List<String> warnings = certificates.validate(chain, trust, options);

        String party = PartyIds.partyOf(signer).orElseThrow(() -> new SignatureException(SignatureError.CERT_NO_PARTY,
                CertificateValidator.describe(signer) + " carries no subjectAltName URI " + PartyIds.URI_PREFIX + "<party>"));
        Optional<String> expected = options.expectedParty();
        if (expected.isPresent() && !expected.get().equals(party)) {
            throw new SignatureException(SignatureError.CERT_WRONG_PARTY, CertificateValidator.describe(signer)
                    + " belongs to party " + party + ", not to the expected party " + expected.get());
        }
        return new VerifiedDocument(document, signer, party, options.validationTime(), warnings);
    }

    private static ContractSchema schemaOf(Document document) throws XmlRejectedException {
        Element root = document.getDocumentElement();
        return ContractSchema.forNamespace(root.getNamespaceURI()).orElseThrow(() -> new XmlRejectedException(
                XmlRejectedException.SCHEMA_INVALID, "root element {" + root.getNamespaceURI() + "}"
                + root.getLocalName() + " is not a document of the LMX contract"));
    }

    private static void checkSignatureValue(Element signatureElement, X509Certificate signer) throws SignatureException {
        DOMValidateContext context = new DOMValidateContext(KeySelector.singletonKeySelector(signer.getPublicKey()),
                signatureElement);
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
        JsrProvider.useFastestSignatures(context, signer.getPublicKey());
        try {
            XMLSignature signature = JsrProvider.signatureFactory().unmarshalXMLSignature(context);
            if (signature.validate(context)) {
                return;
            }
            for (Object o : signature.getSignedInfo().getReferences()) {
                if (!((Reference) o).validate(context)) {
                    throw new SignatureException(SignatureError.DIGEST_MISMATCH,
                            "the digest of the signed content does not match: the document was changed after it was signed by "
                                    + CertificateValidator.describe(signer));
                }
            }
            throw new SignatureException(SignatureError.INVALID, "the signature value does not verify with the key of "
                    + CertificateValidator.describe(signer));
        } catch (MarshalException e) {
            throw new SignatureException(SignatureError.MALFORMED, "ds:Signature cannot be read: " + e.getMessage(), e);
        } catch (XMLSignatureException e) {
            throw new SignatureException(SignatureError.INVALID, "the signature cannot be verified: " + e.getMessage(), e);
        }
    }

    /** The certificates of KeyInfo/X509Data, the signer's first. */
    private static List<X509Certificate> certificatesIn(Element signature) throws SignatureException {
        NodeList nodes = signature.getElementsByTagNameNS(XmlDsig.NS, "X509Certificate");
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < nodes.getLength(); i++) {
                byte[] der = Base64.getMimeDecoder().decode(nodes.item(i).getTextContent().trim());
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SignatureException(SignatureError.NO_CERTIFICATE,
                    "KeyInfo/X509Data holds something that is not an X.509 certificate: " + e.getMessage(), e);
        }
        return chain;
    }
}
