package org.lmx.connectors.signature;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;

/**
 * Signs a document the LMX way: one enveloped XMLDSig signature appended as the root's last element child,
 * Reference URI="" with the enveloped-signature and exclusive-c14n transforms, SHA-256, RSA-SHA256 or
 * ECDSA-SHA256 by the key's type, and the signer's certificate (then its intermediate CAs) in KeyInfo/X509Data.
 * Santuario's JSR 105 provider does the canonicalization and the cryptography.
 */
public final class XmlSigner {

    private XmlSigner() {
    }

    /** Signs the document in {@code unsigned} and returns the signed bytes. */
    public static byte[] sign(byte[] unsigned, Credential credential) throws XmlRejectedException, SignatureException {
        Document document = SecureXml.parse(unsigned);
        sign(document, credential);
        return XmlBytes.of(document);
    }

    /** Appends the signature to {@code document} (which must not be signed yet). */
    public static void sign(Document document, Credential credential) throws SignatureException {
        if (document.getElementsByTagNameNS(XmlDsig.NS, "Signature").getLength() > 0) {
            throw new SignatureException(SignatureError.MULTIPLE, "the document is signed already; LMX documents carry one signature");
        }
        PrivateKey key = credential.privateKey();
        X509Certificate certificate = credential.certificate();
        try {
            XMLSignatureFactory factory = JsrProvider.signatureFactory();
            Reference reference = factory.newReference("",
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null, null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(signatureMethodFor(key), null),
                    List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newX509Data(keyInfoCertificates(credential))));
            DOMSignContext context = new DOMSignContext(key, document.getDocumentElement());
            context.setDefaultNamespacePrefix("ds");
            JsrProvider.useFastestSignatures(context, key);
            XMLSignature signature = factory.newXMLSignature(signedInfo, keyInfo);
            signature.sign(context);
        } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
            throw new SignatureException(SignatureError.INVALID, "cannot sign with the key of "
                    + certificate.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The signer's certificate first, then its intermediate CAs, so that a verifier trusting only the root can
     * build the path; self-signed roots are left out (the verifier has its own).
     */
    private static List<X509Certificate> keyInfoCertificates(Credential credential) {
        return credential.chain().stream()
                .filter(c -> c.equals(credential.certificate())
                        || !c.getSubjectX500Principal().equals(c.getIssuerX500Principal()))
                .toList();
    }

    private static String signatureMethodFor(PrivateKey key) throws SignatureException {
        if (key instanceof RSAKey) {
            return SignatureMethod.RSA_SHA256;
        }
        if (key instanceof ECKey) {
            return SignatureMethod.ECDSA_SHA256;
        }
        throw new SignatureException(SignatureError.SIGNATURE_ALGORITHM,
                "keys of type " + key.getAlgorithm() + " cannot sign LMX documents; use RSA or EC P-256");
    }

}
