package org.lmx.connectors.signature;

import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
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
 * Makes real, cryptographically valid signatures that break one LMX rule each (SHA-1, inclusive c14n, a second
 * reference, a prefix list, a ds:Object, ...), the way a careless or hostile sender would. The provider's secure
 * validation is off here on purpose: the point is that LMX refuses them with its own codes. Shared with the hub's
 * end-to-end tests through this module's test-jar.
 */
public final class HostileSigner {

    private String digest = DigestMethod.SHA256;
    private String signatureMethod;
    private String signedInfoC14n = CanonicalizationMethod.EXCLUSIVE;
    private List<String> prefixList;
    private boolean secondReference;
    private boolean withoutKeyInfo;
    private boolean envelopedTransformOnly;
    private boolean withObject;

    public static HostileSigner like() {
        return new HostileSigner();
    }

    public HostileSigner digest(String algorithm) {
        this.digest = algorithm;
        return this;
    }

    public HostileSigner signatureMethod(String algorithm) {
        this.signatureMethod = algorithm;
        return this;
    }

    public HostileSigner signedInfoCanonicalization(String algorithm) {
        this.signedInfoC14n = algorithm;
        return this;
    }

    public HostileSigner prefixList(String... prefixes) {
        this.prefixList = List.of(prefixes);
        return this;
    }

    public HostileSigner secondReference() {
        this.secondReference = true;
        return this;
    }

    public HostileSigner withoutKeyInfo() {
        this.withoutKeyInfo = true;
        return this;
    }

    public HostileSigner envelopedTransformOnly() {
        this.envelopedTransformOnly = true;
        return this;
    }

    /** A ds:Object inside the signature: content a verifier might read but the Reference URI="" does not cover. */
    public HostileSigner withObject() {
        this.withObject = true;
        return this;
    }

    /** Signs {@code document} in place (appending another signature if it has one). */
    public void sign(Document document, Credential credential) throws Exception {
        XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM", new XMLDSigRI());
        TransformParameterSpec c14nSpec = prefixList == null ? null : new ExcC14NParameterSpec(prefixList);
        List<Transform> transforms = new ArrayList<>();
        transforms.add(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null));
        if (!envelopedTransformOnly) {
            transforms.add(f.newTransform(CanonicalizationMethod.EXCLUSIVE, c14nSpec));
        }
        List<Reference> references = new ArrayList<>();
        references.add(f.newReference("", f.newDigestMethod(digest, null), transforms, null, null));
        if (secondReference) {
            references.add(f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null));
        }
        String method = signatureMethod != null ? signatureMethod
                : credential.privateKey() instanceof RSAKey ? SignatureMethod.RSA_SHA256 : SignatureMethod.ECDSA_SHA256;
        var signedInfo = f.newSignedInfo(f.newCanonicalizationMethod(signedInfoC14n, (C14NMethodParameterSpec) null),
                f.newSignatureMethod(method, null), references);
        KeyInfoFactory kif = f.getKeyInfoFactory();
        var keyInfo = withoutKeyInfo ? null : kif.newKeyInfo(List.of(kif.newX509Data(List.of(credential.certificate()))));
        List<XMLObject> objects = new ArrayList<>();
        if (withObject) {
            objects.add(f.newXMLObject(List.of(new DOMStructure(document.createTextNode("unsigned extra"))), null, null, null));
        }
        DOMSignContext context = new DOMSignContext(credential.privateKey(), document.getDocumentElement());
        context.setDefaultNamespacePrefix("ds");
        context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.FALSE);
        f.newXMLSignature(signedInfo, keyInfo, objects, null, null).sign(context);
    }

    public byte[] sign(byte[] unsigned, Credential credential) throws Exception {
        Document document = SecureXml.parse(unsigned);
        sign(document, credential);
        return XmlBytes.of(document);
    }
}
