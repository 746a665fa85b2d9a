package org.lmx.connectors.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.ExcC14NParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.apache.jcp.xml.dsig.internal.dom.XMLDSigRI;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.w3c.dom.Document;

/**
 * Makes real, cryptographically valid signatures that break one LMX rule each (SHA-1, a second reference,
 * a prefix list, ...), the way a careless or hostile sender would. The secure-validation mode of the
 * provider is off here on purpose: the point is that LMX refuses them with its own codes.
 */
final class HostileSigner {

    private String digest = DigestMethod.SHA256;
    private String signatureMethod = SignatureMethod.RSA_SHA256;
    private List<String> prefixList = null;
    private boolean secondReference;
    private boolean withoutKeyInfo;

    static HostileSigner like() {
        return new HostileSigner();
    }

    HostileSigner digest(String algorithm) {
        this.digest = algorithm;
        return this;
    }

    HostileSigner signatureMethod(String algorithm) {
        this.signatureMethod = algorithm;
        return this;
    }

    HostileSigner prefixList(String... prefixes) {
        this.prefixList = List.of(prefixes);
        return this;
    }

    HostileSigner secondReference() {
        this.secondReference = true;
        return this;
    }

    HostileSigner withoutKeyInfo() {
        this.withoutKeyInfo = true;
        return this;
    }

    /** Signs {@code document} in place (appending another signature if it has one). */
    void sign(Document document, Credential credential) throws Exception {
        PrivateKey key = credential.privateKey();
        X509Certificate certificate = credential.certificate();
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());
        TransformParameterSpec c14nSpec = prefixList == null ? null : new ExcC14NParameterSpec(prefixList);
        List<Reference> references = new ArrayList<>();
        references.add(f.newReference("", f.newDigestMethod(digest, null),
                List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                        f.newTransform(CanonicalizationMethod.EXCLUSIVE, c14nSpec)), null, null));
        if (secondReference) {
            references.add(f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null));
        }
        var signedInfo = f.newSignedInfo(
                f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(signatureMethod, null), references);
        KeyInfoFactory kif = f.getKeyInfoFactory();
        var keyInfo = withoutKeyInfo ? null : kif.newKeyInfo(List.of(kif.newX509Data(List.of(certificate))));
        DOMSignContext context = new DOMSignContext(key, document.getDocumentElement());
        context.setDefaultNamespacePrefix("ds");
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        f.newXMLSignature(signedInfo, keyInfo).sign(context);
    }

    byte[] sign(byte[] unsigned, Credential credential) throws Exception {
        Document document = SecureXml.parse(unsigned);
        sign(document, credential);
        return XmlBytes.of(document);
    }
}
