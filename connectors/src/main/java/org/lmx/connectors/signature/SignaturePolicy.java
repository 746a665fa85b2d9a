package org.lmx.connectors.signature;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The signature rules of ARCHITECTURE.md, checked on the DOM before any cryptography: exactly one
 * ds:Signature, the last element child of the root; exclusive c14n without comments for SignedInfo; an
 * allowed signature algorithm; one Reference URI="" with exactly the enveloped-signature and exclusive-c14n
 * transforms, no prefix list; SHA-256 or stronger; the signer's certificate in KeyInfo/X509Data. A single
 * whole-document reference leaves no room for signature wrapping.
 */
public final class SignaturePolicy {

    private SignaturePolicy() {
    }

    /**
     * @return the one ds:Signature element of {@code document}
     * @throws SignatureException naming the first rule the signature breaks
     */
    public static Element check(Document document) throws SignatureException {
        NodeList signatures = document.getElementsByTagNameNS(XmlDsig.NS, "Signature");
        if (signatures.getLength() == 0) {
            throw new SignatureException(SignatureError.MISSING, "the document has no ds:Signature");
        }
        if (signatures.getLength() > 1) {
            throw new SignatureException(SignatureError.MULTIPLE,
                    "the document has " + signatures.getLength() + " ds:Signature elements; exactly one is allowed");
        }
        Element signature = (Element) signatures.item(0);
        Element root = document.getDocumentElement();
        if (signature.getParentNode() != root || lastElementChild(root) != signature) {
            throw new SignatureException(SignatureError.NOT_LAST,
                    "ds:Signature must be the last element child of " + root.getLocalName());
        }

        List<Element> parts = elementChildren(signature);
        if (parts.size() < 2 || !isDsig(parts.get(0), "SignedInfo") || !isDsig(parts.get(1), "SignatureValue")) {
            throw new SignatureException(SignatureError.MALFORMED,
                    "ds:Signature must hold SignedInfo, SignatureValue and KeyInfo, in this order");
        }
        if (parts.size() < 3 || !isDsig(parts.get(2), "KeyInfo")) {
            throw new SignatureException(SignatureError.NO_CERTIFICATE,
                    "ds:Signature has no KeyInfo with the signer's certificate after SignatureValue");
        }
        if (parts.size() > 3) {
            throw new SignatureException(SignatureError.UNEXPECTED_CONTENT,
                    "ds:Signature holds " + parts.get(3).getLocalName() + " after KeyInfo; nothing may follow KeyInfo");
        }
        checkSignedInfo(parts.get(0));
        checkKeyInfo(parts.get(2));
        return signature;
    }

    private static void checkSignedInfo(Element signedInfo) throws SignatureException {
        List<Element> children = elementChildren(signedInfo);
        if (children.size() < 3 || !isDsig(children.get(0), "CanonicalizationMethod")
                || !isDsig(children.get(1), "SignatureMethod")) {
            throw new SignatureException(SignatureError.MALFORMED,
                    "SignedInfo must hold CanonicalizationMethod, SignatureMethod and a Reference");
        }
        Element c14n = children.get(0);
        if (!XmlDsig.EXC_C14N.equals(c14n.getAttribute("Algorithm"))) {
            throw new SignatureException(SignatureError.CANONICALIZATION,
                    "SignedInfo is canonicalized with " + c14n.getAttribute("Algorithm") + "; only " + XmlDsig.EXC_C14N
                            + " is allowed");
        }
        checkNoPrefixList(c14n, "SignedInfo's CanonicalizationMethod");

        String signatureMethod = children.get(1).getAttribute("Algorithm");
        if (!XmlDsig.SIGNATURES.contains(signatureMethod)) {
            throw new SignatureException(SignatureError.SIGNATURE_ALGORITHM,
                    "signature algorithm " + signatureMethod + " is not allowed; use RSA-SHA256/384/512 or ECDSA-SHA256/384");
        }

        List<Element> references = children.subList(2, children.size());
        if (references.size() != 1) {
            throw new SignatureException(SignatureError.REFERENCE_COUNT,
                    "SignedInfo holds " + references.size() + " Reference elements; exactly one (URI=\"\") is allowed");
        }
        checkReference(references.get(0));
    }

    private static void checkReference(Element reference) throws SignatureException {
        if (!isDsig(reference, "Reference")) {
            throw new SignatureException(SignatureError.MALFORMED, "SignedInfo holds " + reference.getLocalName()
                    + " where a Reference is expected");
        }
        if (!reference.hasAttribute("URI") || !reference.getAttribute("URI").isEmpty()) {
            String uri = reference.hasAttribute("URI") ? "URI=\"" + reference.getAttribute("URI") + "\"" : "no URI";
            throw new SignatureException(SignatureError.REFERENCE_URI,
                    "the Reference has " + uri + "; it must be URI=\"\", the whole document");
        }
        List<Element> children = elementChildren(reference);
        Element transforms = children.isEmpty() ? null : children.get(0);
        if (transforms == null || !isDsig(transforms, "Transforms")) {
            throw new SignatureException(SignatureError.TRANSFORMS, "the Reference has no Transforms");
        }
        List<Element> list = elementChildren(transforms);
        for (Element t : list) {
            checkNoPrefixList(t, "a Transform");
        }
        List<String> algorithms = list.stream().map(t -> t.getAttribute("Algorithm")).toList();
        if (!algorithms.equals(List.of(XmlDsig.ENVELOPED, XmlDsig.EXC_C14N))) {
            throw new SignatureException(SignatureError.TRANSFORMS,
                    "the Reference's transforms are " + algorithms + "; exactly [" + XmlDsig.ENVELOPED + ", "
                            + XmlDsig.EXC_C14N + "] are allowed");
        }
        Element digestMethod = children.size() > 1 ? children.get(1) : null;
        if (digestMethod == null || !isDsig(digestMethod, "DigestMethod")) {
            throw new SignatureException(SignatureError.MALFORMED, "the Reference has no DigestMethod");
        }
        String digest = digestMethod.getAttribute("Algorithm");
        if (!XmlDsig.DIGESTS.contains(digest)) {
            throw new SignatureException(SignatureError.DIGEST_ALGORITHM,
                    "digest algorithm " + digest + " is not allowed; use SHA-256, SHA-384 or SHA-512");
        }
    }

    private static void checkKeyInfo(Element keyInfo) throws SignatureException {
        NodeList certificates = keyInfo.getElementsByTagNameNS(XmlDsig.NS, "X509Certificate");
        boolean inX509Data = false;
        for (int i = 0; i < certificates.getLength(); i++) {
            Node parent = certificates.item(i).getParentNode();
            inX509Data |= parent instanceof Element e && isDsig(e, "X509Data") && e.getParentNode() == keyInfo;
        }
        if (!inX509Data) {
            throw new SignatureException(SignatureError.NO_CERTIFICATE,
                    "KeyInfo/X509Data/X509Certificate with the signer's certificate is required");
        }
    }

    private static void checkNoPrefixList(Element algorithmElement, String where) throws SignatureException {
        if (algorithmElement.getElementsByTagNameNS(XmlDsig.EXC_C14N_NS, "InclusiveNamespaces").getLength() > 0) {
            throw new SignatureException(SignatureError.PREFIX_LIST,
                    where + " carries an InclusiveNamespaces PrefixList; none is allowed");
        }
    }

    private static boolean isDsig(Element e, String localName) {
        return XmlDsig.NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName());
    }

    private static Element lastElementChild(Element parent) {
        for (Node n = parent.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }

    static List<Element> elementChildren(Element parent) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                list.add(e);
            }
        }
        return list;
    }
}
