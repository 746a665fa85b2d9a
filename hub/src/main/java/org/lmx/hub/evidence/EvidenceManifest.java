package org.lmx.hub.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.SignatureException;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code manifest.xml}, the first entry of a bundle: every other entry's name, size and SHA-256, the case and the
 * export time, signed by the hub (XMLDSig, enveloped, exclusive c14n, like every hub document). The manifest's
 * signature is the hub's word that the bundle is what it held.
 */
public final class EvidenceManifest {

    public static final String NS = "urn:lmx:evidence:1";
    public static final String FILE = "manifest.xml";

    /** One listed file. */
    public record Listed(String path, long size, String sha256) {
    }

    private EvidenceManifest() {
    }

    /** The signed manifest of {@code files} (in bundle order). */
    public static byte[] signed(String conversationId, String exportedAt, String hub, Map<String, byte[]> files,
                                Credential hubCredential) {
        try {
            Document doc = SecureXml.newDocument();
            Element root = doc.createElementNS(NS, "EvidenceManifest");
            doc.appendChild(root);
            text(doc, root, "ConversationId", conversationId);
            text(doc, root, "ExportedAt", exportedAt);
            text(doc, root, "Hub", hub);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Element file = doc.createElementNS(NS, "File");
                file.setAttribute("path", f.getKey());
                file.setAttribute("size", Long.toString(f.getValue().length));
                file.setAttribute("sha256", Sha256.hex(f.getValue()));
                root.appendChild(file);
            }
            // signed as bytes (parsed again), so that the namespace declarations the signature covers are in the tree
            return XmlSigner.sign(XmlBytes.of(doc), hubCredential);
        } catch (SignatureException | XmlRejectedException e) {
            throw new IllegalStateException("the hub cannot sign an evidence manifest: " + e.getMessage(), e);
        }
    }

    /** The files a parsed manifest lists, in its order. */
    public static List<Listed> files(Document manifest) {
        List<Listed> listed = new ArrayList<>();
        NodeList nodes = manifest.getDocumentElement().getElementsByTagNameNS(NS, "File");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            listed.add(new Listed(e.getAttribute("path"), Long.parseLong(e.getAttribute("size")), e.getAttribute("sha256")));
        }
        return listed;
    }

    /** A child element's text, or null. */
    public static String value(Document manifest, String name) {
        NodeList nodes = manifest.getDocumentElement().getElementsByTagNameNS(NS, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    private static void text(Document doc, Element parent, String name, String value) {
        Element e = doc.createElementNS(NS, name);
        e.setTextContent(value);
        parent.appendChild(e);
    }
}
