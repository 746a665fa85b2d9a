package org.lmx.hub.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes and signs documents as the demo parties do, with their keys from the hub's development PKI: any
 * committed sample ({@code examples/documents/<Type>.xml}) becomes a new message of a party under an agreement.
 */
final class Parties {

    static final String LMX = "urn:lmx:exchange:1";

    private Parties() {
    }

    static Credential credential(Path dataDir, String party) throws Exception {
        return PkiDirectory.open(dataDir.resolve("pki")).credential(party);
    }

    /** The committed Ping sample as a new message of {@code from} under {@code agreementId}, signed by {@code signer}. */
    static byte[] ping(String from, String agreementId, Credential signer) throws Exception {
        return message("Ping").from(from).agreement(agreementId).signedBy(signer);
    }

    /** The committed sample of {@code documentType} with a new MessageId and a Created of now. */
    static Message message(String documentType) throws Exception {
        byte[] sample = Files.readAllBytes(Path.of("..", "examples", "documents", documentType + ".xml"));
        return new Message(SecureXml.parse(sample));
    }

    /** An unsigned template (any document with the sample header's fields) with a new MessageId and a Created of now. */
    static Message template(byte[] unsigned) throws Exception {
        return new Message(SecureXml.parse(unsigned, Long.MAX_VALUE));
    }

    /** An attachment as the signed header declares it (its size and SHA-256 are those of {@code content}). */
    record Attachment(String id, String fileName, String mimeType, byte[] content) {
        static Attachment pdf(String id, byte[] content) {
            return new Attachment(id, id + ".pdf", "application/pdf", content);
        }

        long size() {
            return content.length;
        }

        String sha256() {
            return Sha256.hex(content);
        }
    }

    /** One message being written: header fields, attachments and references are set on the sample's DOM. */
    static final class Message {
        private final Document document;

        private Message(Document document) {
            this.document = document;
            messageId(UUID.randomUUID().toString());
            created(OffsetDateTime.now());
        }

        Message messageId(String messageId) {
            return header("MessageId", messageId);
        }

        Message created(OffsetDateTime created) {
            return header("Created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(created.truncatedTo(ChronoUnit.SECONDS)));
        }

        Message from(String party) {
            return header("From", party);
        }

        Message to(String party) {
            return header("To", party);
        }

        Message agreement(String agreementId) {
            return header("AgreementId", agreementId);
        }

        /** Header/DocumentType only; the Body keeps the sample's document. */
        Message documentType(String documentType) {
            return header("DocumentType", documentType);
        }

        /**
         * The header's Attachments list replaced by {@code attachments} (none: no list), and the Body's
         * SupportingDocument references, if the sample has any, pointed at them in order, as the schema's keyref wants.
         */
        Message attachments(Attachment... attachments) {
            Element header = child(document.getDocumentElement(), "Header");
            Element old = child(header, "Attachments");
            if (old != null) {
                header.removeChild(old);
            }
            if (attachments.length > 0) {
                Element list = append(header, "Attachments");
                for (Attachment a : attachments) {
                    Element entry = append(list, "Attachment");
                    append(entry, "Id").setTextContent(a.id());
                    append(entry, "FileName").setTextContent(a.fileName());
                    append(entry, "MimeType").setTextContent(a.mimeType());
                    append(entry, "Size").setTextContent(Long.toString(a.size()));
                    append(entry, "Sha256").setTextContent(a.sha256());
                }
            }
            if (!supportingDocuments().isEmpty()) {
                supportingDocuments(Arrays.stream(attachments).map(Attachment::id).toArray(String[]::new));
            }
            return this;
        }

        /**
         * The Body's SupportingDocument elements refer to {@code attachmentIds}, one each: the sample's first ones
         * are reused (their Kind and Description kept), the last is copied when more are needed, the rest removed.
         */
        Message supportingDocuments(String... attachmentIds) {
            List<Element> existing = supportingDocuments();
            if (existing.isEmpty() && attachmentIds.length > 0) {
                throw new IllegalStateException("the sample has no SupportingDocument to refer to attachments");
            }
            for (int i = 0; i < Math.max(existing.size(), attachmentIds.length); i++) {
                if (i >= attachmentIds.length) {
                    existing.get(i).getParentNode().removeChild(existing.get(i));
                    continue;
                }
                Element reference;
                if (i < existing.size()) {
                    reference = existing.get(i);
                } else {
                    Element last = existing.get(existing.size() - 1);
                    reference = (Element) last.cloneNode(true);
                    last.getParentNode().insertBefore(reference, last.getNextSibling());
                    existing.add(reference);
                }
                child(reference, "AttachmentId").setTextContent(attachmentIds[i]);
            }
            return this;
        }

        /** Any other change, on the DOM. */
        Message edit(Consumer<Document> change) {
            change.accept(document);
            return this;
        }

        String messageId() {
            return child(child(document.getDocumentElement(), "Header"), "MessageId").getTextContent();
        }

        byte[] unsigned() {
            return XmlBytes.of(document);
        }

        /** Signed as {@link XmlSigner} signs bytes, but without the hub's 10 MiB parse limit, so that oversize documents can be made. */
        byte[] signedBy(Credential signer) throws Exception {
            Document copy = SecureXml.parse(unsigned(), Long.MAX_VALUE);
            XmlSigner.sign(copy, signer);
            return XmlBytes.of(copy);
        }

        private Message header(String name, String value) {
            Element element = child(child(document.getDocumentElement(), "Header"), name);
            if (element == null) {
                throw new IllegalStateException("the sample's header has no " + name);
            }
            element.setTextContent(value);
            return this;
        }

        private List<Element> supportingDocuments() {
            NodeList nodes = child(document.getDocumentElement(), "Body").getElementsByTagNameNS(LMX, "SupportingDocument");
            List<Element> list = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                list.add((Element) nodes.item(i));
            }
            return list;
        }

        private Element append(Element parent, String name) {
            return (Element) parent.appendChild(document.createElementNS(LMX, name));
        }
    }

    /** The first child element of {@code parent} in the LMX namespace named {@code localName}, or null. */
    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /** The body's document element of a committed sample, alone, as XML text (what POST /api/outbound takes). */
    static String bodyOf(String documentType) throws Exception {
        Document sample = SecureXml.parse(
                Files.readAllBytes(Path.of("..", "examples", "documents", documentType + ".xml")));
        Node element = child(sample.getDocumentElement(), "Body").getFirstChild();
        while (!(element instanceof Element)) {
            element = element.getNextSibling();
        }
        Document alone = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder().newDocument();
        alone.appendChild(alone.importNode(element, true));
        return new String(XmlBytes.of(alone), StandardCharsets.UTF_8);
    }

    /**
     * A recipient's receipt for the hub's document {@code received}, from {@code from} under {@code agreementId}:
     * ACCEPTED, or REJECTED with {@code code}; sign it with {@link Message#signedBy}.
     */
    static Message receiptFor(byte[] received, String from, String agreementId, String code) throws Exception {
        Document document = SecureXml.parse(received);
        String messageId = textOf(document, "MessageId");
        String conversationId = textOf(document, "ConversationId");
        return message("Receipt").from(from).to("KAZ:MLSP").agreement(agreementId).edit(dom -> {
            setText(dom, "ConversationId", conversationId);
            setText(dom, "InReplyTo", messageId);
            setText(dom, "ReceivedMessageId", messageId);
            setText(dom, "ReceivedDigest", Sha256.hex(received));
            setText(dom, "ReceivedAt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
            if (code != null) {
                setText(dom, "Status", "REJECTED");
                Element status = (Element) dom.getElementsByTagNameNS(LMX, "Status").item(0);
                Element error = dom.createElementNS(LMX, "Error");
                error.appendChild(dom.createElementNS(LMX, "Code")).setTextContent(code);
                error.appendChild(dom.createElementNS(LMX, "Reason")).setTextContent("no such person in the register");
                status.getParentNode().insertBefore(error, status.getNextSibling());
            }
        });
    }

    private static String textOf(Document document, String localName) {
        return document.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }

    private static void setText(Document document, String localName, String value) {
        document.getElementsByTagNameNS(LMX, localName).item(0).setTextContent(value);
    }
}
