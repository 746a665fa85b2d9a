package org.lmx.routes.inbound;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConfigurationException;
import javax.xml.datatype.DatatypeFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The header of a received document as far as it can be read, and the Body's document element. Read from the
 * DOM before the schema decides, so that even a rejected document's receipt can name its message, thread and
 * sender; a value that does not have its contract form is left out.
 */
public record ReceivedHeader(Optional<String> messageId, Optional<String> conversationId, Optional<String> inReplyTo,
                             Optional<String> agreementId,
                             Optional<String> from, Optional<String> to, Optional<String> documentType,
                             Optional<OffsetDateTime> created, Optional<String> bodyDocument) {

    static final String LMX = "urn:lmx:exchange:1";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern PARTY = Pattern.compile("[A-Z]{3}:[A-Z0-9][A-Z0-9\\-]{0,31}");
    private static final Pattern AGREEMENT = Pattern.compile("[A-Z0-9][A-Z0-9\\-_.]{2,63}");

    /** Nothing could be read (the bytes are not XML of the contract). */
    public static ReceivedHeader unreadable() {
        return new ReceivedHeader(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static ReceivedHeader of(Document document) {
        Element root = document.getDocumentElement();
        Element header = child(root, "Header");
        Element body = child(root, "Body");
        Element bodyDocument = body == null ? null : firstElement(body);
        return new ReceivedHeader(
                text(header, "MessageId", UUID), text(header, "ConversationId", UUID), text(header, "InReplyTo", UUID),
                text(header, "AgreementId", AGREEMENT), text(header, "From", PARTY), text(header, "To", PARTY),
                text(header, "DocumentType", null), created(header),
                Optional.ofNullable(bodyDocument).filter(e -> LMX.equals(e.getNamespaceURI())).map(Element::getLocalName));
    }

    /**
     * Header/Created as the sender wrote it (white space trimmed, as the schema reads a token), for the message log:
     * {@link OffsetDateTime#toString()} would drop ":00" seconds, and the log keeps the signed value.
     */
    static Optional<String> createdAsWritten(Document document) {
        return text(child(document.getDocumentElement(), "Header"), "Created", null);
    }

    /** xs:dateTime as the schema reads it (24:00:00, long fractions, 5-digit years), not as java.time's ISO parser does. */
    private static Optional<OffsetDateTime> created(Element header) {
        try {
            return text(header, "Created", null).map(value -> DATATYPES.newXMLGregorianCalendar(value)
                    .toGregorianCalendar().toZonedDateTime().toOffsetDateTime());
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static final DatatypeFactory DATATYPES = datatypes();

    private static DatatypeFactory datatypes() {
        try {
            return DatatypeFactory.newInstance();
        } catch (DatatypeConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<String> text(Element parent, String localName, Pattern form) {
        Element e = child(parent, localName);
        if (e == null) {
            return Optional.empty();
        }
        String value = e.getTextContent().trim();
        return form == null || form.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    private static Element child(Element parent, String localName) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && LMX.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
