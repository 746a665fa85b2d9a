package org.lmx.hub.cli;

import java.io.IOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Turns an unsigned sample into a new message of one party to the hub, on the DOM: From, To, a new MessageId,
 * a Created of now, the AgreementId, and the header's attachment list rewritten from the files to send. An
 * attachment the document declares but that gets no file leaves the header together with the SupportingDocument
 * elements that refer to it, so that the result still satisfies the envelope's keyref. The result is checked
 * against the contract, so that nothing invalid gets signed.
 */
final class EnvelopeFiller {

    static final String HUB = "KAZ:MLSP";
    private static final String SIGNATURE_NS = "http://www.w3.org/2000/09/xmldsig#";

    private final Clock clock;

    EnvelopeFiller(Clock clock) {
        this.clock = clock;
    }

    /** A prepared, schema-valid, unsigned message; {@code removed} lists the declared attachments that got no file. */
    record PreparedMessage(Document document, String messageId, List<AttachmentContent> attachments, List<String> removed) {
    }

    /** AGR-KOR-MOEL for KOR:MOEL: the demo agreements' naming. */
    static String defaultAgreement(String party) {
        return "AGR-" + party.replace(':', '-');
    }

    PreparedMessage fill(byte[] unsigned, String party, String agreementId, List<AttachmentFile> files)
            throws XmlRejectedException, CliFailure, IOException {
        Document document = SecureXml.parse(unsigned);
        Element header = ExchangeXml.header(document);
        if (document.getElementsByTagNameNS(SIGNATURE_NS, "Signature").getLength() > 0) {
            throw new CliFailure("the document is signed already: send signed bytes unchanged with --resend");
        }
        String messageId = UUID.randomUUID().toString();
        set(header, "MessageId", messageId);
        set(header, "AgreementId", agreementId);
        set(header, "From", party);
        set(header, "To", HUB);
        // ISO_OFFSET_DATE_TIME always writes the seconds (OffsetDateTime.toString drops ":00", which xs:dateTime refuses)
        set(header, "Created", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)));

        List<String> declared = ExchangeXml.attachmentIds(header);
        List<String> ids = AttachmentIds.assign(declared, files);
        List<AttachmentContent> attachments = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            attachments.add(AttachmentContent.read(ids.get(i), files.get(i).file()));
        }
        List<String> removed = declared.stream().filter(id -> !ids.contains(id)).toList();
        rewriteAttachments(header, attachments);
        removeReferences(document, removed);

        try {
            ContractSchema.EXCHANGE.validate(document);
        } catch (XmlRejectedException e) {
            throw new CliFailure("the filled document is not valid against the contract, so it is not signed:\n         - "
                    + String.join("\n         - ", e.problems()));
        }
        return new PreparedMessage(document, messageId, attachments, removed);
    }

    private static void set(Element header, String name, String value) throws CliFailure {
        Element e = ExchangeXml.child(header, name);
        if (e == null) {
            throw new CliFailure("the document's Header has no " + name + " to fill");
        }
        e.setTextContent(value);
    }

    /** Replaces Header/Attachments (the header's last element) with one entry per file, indented like the header. */
    private static void rewriteAttachments(Element header, List<AttachmentContent> attachments) {
        Element old = ExchangeXml.child(header, "Attachments");
        if (old != null) {
            remove(old);
        }
        if (attachments.isEmpty()) {
            return;
        }
        Indent indent = Indent.of(header);
        Element list = element(header, "Attachments");
        for (AttachmentContent a : attachments) {
            Element attachment = element(header, "Attachment");
            append(attachment, indent.step(2), element(header, "Id", a.id()));
            append(attachment, indent.step(2), element(header, "FileName", a.fileName()));
            append(attachment, indent.step(2), element(header, "MimeType", a.mimeType()));
            append(attachment, indent.step(2), element(header, "Size", Long.toString(a.size())));
            append(attachment, indent.step(2), element(header, "Sha256", a.sha256()));
            close(attachment, indent.step(1));
            append(list, indent.step(1), attachment);
        }
        close(list, indent.step(0));
        Node end = header.getLastChild();
        Node before = isWhitespace(end) ? end : null;
        if (!indent.step(0).isEmpty()) {
            header.insertBefore(header.getOwnerDocument().createTextNode(indent.step(0)), before);
        }
        header.insertBefore(list, before);
    }

    /** Removes every SupportingDocument of the Body that refers to one of {@code ids}. */
    private static void removeReferences(Document document, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        NodeList found = document.getElementsByTagNameNS(ExchangeXml.NS, "SupportingDocument");
        List<Element> doomed = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            Element e = (Element) found.item(i);
            if (ids.contains(ExchangeXml.text(e, "AttachmentId"))) {
                doomed.add(e);
            }
        }
        doomed.forEach(EnvelopeFiller::remove);
    }

    /** Removes an element and the indentation before it. */
    private static void remove(Element e) {
        Node previous = e.getPreviousSibling();
        if (isWhitespace(previous)) {
            e.getParentNode().removeChild(previous);
        }
        e.getParentNode().removeChild(e);
    }

    private static boolean isWhitespace(Node n) {
        return n != null && n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank();
    }

    /** An element of the contract's namespace, with the header's prefix (none in the samples). */
    private static Element element(Element header, String localName) {
        String prefix = header.getPrefix();
        return header.getOwnerDocument().createElementNS(ExchangeXml.NS, prefix == null ? localName : prefix + ":" + localName);
    }

    private static Element element(Element header, String localName, String text) {
        Element e = element(header, localName);
        e.setTextContent(text);
        return e;
    }

    private static void append(Element parent, String indent, Element child) {
        if (!indent.isEmpty()) {
            parent.appendChild(parent.getOwnerDocument().createTextNode(indent));
        }
        parent.appendChild(child);
    }

    private static void close(Element parent, String indent) {
        if (!indent.isEmpty()) {
            parent.appendChild(parent.getOwnerDocument().createTextNode(indent));
        }
    }

    /** The whitespace before the header's children, and one step deeper per level; none in a document without it. */
    private record Indent(String children, String step) {

        static Indent of(Element header) {
            String children = whitespaceBefore(ExchangeXml.child(header, "Created"));
            String own = whitespaceBefore(header);
            String step = children.startsWith(own) && children.length() > own.length()
                    ? children.substring(own.length()) : "  ";
            return new Indent(children, children.isEmpty() ? "" : step);
        }

        String step(int levels) {
            return children + step.repeat(levels);
        }

        private static String whitespaceBefore(Node n) {
            Node previous = n == null ? null : n.getPreviousSibling();
            return isWhitespace(previous) ? previous.getTextContent() : "";
        }
    }
}
