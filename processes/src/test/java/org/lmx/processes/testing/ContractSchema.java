package org.lmx.processes.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.lmx.processes.exchange.OutgoingDocument;
import org.w3c.dom.Document;

/**
 * The contract's schema (lmx/exchange.xsd of module xsd), to check that what a process sends is what the hub's
 * outbound entry would accept: the element wrapped in an envelope with a header as the entry writes it.
 */
public final class ContractSchema {

    private static final Schema SCHEMA = load();

    private ContractSchema() {
    }

    public static void validateElement(OutgoingDocument document) {
        String element = new String(document.document(), StandardCharsets.UTF_8);
        String header = "<Header><MessageId>" + UUID.randomUUID() + "</MessageId><ConversationId>"
                + (document.conversationId() == null ? UUID.randomUUID() : document.conversationId())
                + "</ConversationId>" + (document.inReplyTo() == null ? ""
                : "<InReplyTo>" + document.inReplyTo() + "</InReplyTo>")
                + "<AgreementId>AGR-" + document.to().replace(':', '-') + "</AgreementId><From>KAZ:MLSP</From><To>"
                + document.to() + "</To><DocumentType>" + document.documentType() + "</DocumentType><Created>"
                + OffsetDateTime.now() + "</Created></Header>";
        String envelope = "<ExchangeMessage xmlns=\"urn:lmx:exchange:1\">" + header + "<Body>" + element
                + "</Body></ExchangeMessage>";
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document parsed = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(envelope.getBytes(StandardCharsets.UTF_8)));
            String root = parsed.getDocumentElement().getElementsByTagNameNS("urn:lmx:exchange:1", "Body").item(0)
                    .getFirstChild().getLocalName();
            if (!document.documentType().equals(root)) {
                throw new AssertionError("document type " + document.documentType() + " but element " + root);
            }
            SCHEMA.newValidator().validate(new DOMSource(parsed));
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("a " + document.documentType() + " to " + document.to()
                    + " is not valid against the contract: " + e.getMessage() + "\n" + element, e);
        }
    }

    private static Schema load() {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(ContractSchema.class.getClassLoader().getResource("lmx/exchange.xsd"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
