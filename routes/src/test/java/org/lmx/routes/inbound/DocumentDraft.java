package org.lmx.routes.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A committed sample document (examples/documents, unsigned) edited by DOM and signed at run time: header
 * fields set, attachments declared in the header (SHA-256 and size of the given content), the Body's list
 * of values replaced.
 */
public final class DocumentDraft {

    public static final Path SAMPLES = Path.of("..", "examples", "documents").toAbsolutePath().normalize();
    private static final String LMX = "urn:lmx:exchange:1";

    private final Document document;
    private final Set<String> declared = new HashSet<>();
    private boolean attachmentsReplaced;

    private DocumentDraft(Document document) {
        this.document = document;
    }

    public static DocumentDraft sample(String fileName) {
        try {
            return new DocumentDraft(SecureXml.parse(Files.readAllBytes(SAMPLES.resolve(fileName))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlRejectedException e) {
            throw new IllegalStateException(fileName + " is not a readable sample", e);
        }
    }

    /** Sets the text of a header field the sample already has (MessageId, AgreementId, From, To, DocumentType, Created...). */
    public DocumentDraft header(String field, String value) {
        child(header(), field).setTextContent(value);
        return this;
    }

    public String header(String field) {
        return child(header(), field).getTextContent();
    }

    /**
     * Lists an attachment in the signed header with the size and SHA-256 of {@code content}. The sample's own
     * list is replaced on the first call; Body references (SupportingDocument) to attachments not listed here are
     * dropped when signing, so that the document stays schema-valid.
     */
    public DocumentDraft declare(String id, String fileName, String mimeType, byte[] content) {
        Element list = child(header(), "Attachments");
        if (!attachmentsReplaced) {
            if (list != null) {
                header().removeChild(list);
            }
            list = element("Attachments");
            header().appendChild(list);
            attachmentsReplaced = true;
        }
        Element attachment = element("Attachment");
        attachment.appendChild(element("Id", id));
        attachment.appendChild(element("FileName", fileName));
        attachment.appendChild(element("MimeType", mimeType));
        attachment.appendChild(element("Size", Long.toString(content.length)));
        attachment.appendChild(element("Sha256", Sha256.hex(content)));
        list.appendChild(attachment);
        declared.add(id);
        return this;
    }

    /** Replaces every child of the Body's document with one {@code name} element per value (a StatusRequest's MessageIds). */
    public DocumentDraft bodyList(String name, String... values) {
        Element content = bodyDocument();
        while (content.getFirstChild() != null) {
            content.removeChild(content.getFirstChild());
        }
        for (String value : values) {
            content.appendChild(element(name, value));
        }
        return this;
    }

    /** Sets the text of the Body document's first element of that name (a Ping's Text). */
    public DocumentDraft bodyText(String name, String value) {
        ((Element) bodyDocument().getElementsByTagNameNS(LMX, name).item(0)).setTextContent(value);
        return this;
    }

    public byte[] signedBy(Credential signer) {
        Document copy = (Document) document.cloneNode(true);
        if (attachmentsReplaced) {
            List<Element> references = new ArrayList<>();
            NodeList nodes = copy.getElementsByTagNameNS(LMX, "SupportingDocument");
            for (int i = 0; i < nodes.getLength(); i++) {
                Element reference = (Element) nodes.item(i);
                if (!declared.contains(reference.getElementsByTagNameNS(LMX, "AttachmentId").item(0).getTextContent())) {
                    references.add(reference);
                }
            }
            references.forEach(r -> r.getParentNode().removeChild(r));
        }
        try {
            return XmlSigner.sign(XmlBytes.of(copy), signer);
        } catch (LmxException e) {
            throw new IllegalStateException("cannot sign the draft: " + e.getMessage(), e);
        }
    }

    private Element header() {
        return child(document.getDocumentElement(), "Header");
    }

    private Element bodyDocument() {
        for (Node n = child(document.getDocumentElement(), "Body").getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new IllegalStateException("the sample has an empty Body");
    }

    private Element element(String name) {
        return document.createElementNS(LMX, name);
    }

    private Element element(String name, String text) {
        Element e = element(name);
        e.setTextContent(text);
        return e;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
