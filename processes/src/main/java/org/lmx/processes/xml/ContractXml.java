package org.lmx.processes.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.lmx.xsd.exchange.v1.DocumentContent;
import org.lmx.xsd.exchange.v1.ExchangeMessage;
import org.lmx.xsd.exchange.v1.ObjectFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Reads the documents the processes receive and writes those they send, with the JAXB classes of module xsd.
 * The processes never import the exchange's connectors, so the few lines of hardened parsing live here too: the
 * exchange has already verified and validated every document it hands over, but a parser that refuses DTDs and
 * external entities costs nothing and keeps a mistake elsewhere from becoming an XXE here.
 */
public final class ContractXml {

    private static final ObjectFactory DOCUMENTS = new ObjectFactory();
    private static final JAXBContext CONTEXT = context();

    private ContractXml() {
    }

    /** The one document in the Body of a signed ExchangeMessage, as its JAXB class. */
    public static <T extends DocumentContent> T body(byte[] signedEnvelope, Class<T> type) {
        DocumentContent content = envelope(signedEnvelope).getBody().getDocument().getValue();
        if (!type.isInstance(content)) {
            throw new IllegalArgumentException("the envelope holds a " + content.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return type.cast(content);
    }

    /** A signed ExchangeMessage, header and body, as JAXB objects. */
    public static ExchangeMessage envelope(byte[] signedEnvelope) {
        try {
            Object root = CONTEXT.createUnmarshaller().unmarshal(parse(signedEnvelope));
            return (ExchangeMessage) (root instanceof JAXBElement<?> e ? e.getValue() : root);
        } catch (JAXBException e) {
            throw new IllegalArgumentException("not an ExchangeMessage of the contract: " + e, e);
        }
    }

    /**
     * One catalogue element as XML bytes (UTF-8, no XML declaration), e.g. {@code <IdentityCheckRequest
     * xmlns="urn:lmx:exchange:1">...}: what {@link org.lmx.processes.exchange.OutgoingDocument} carries. The same
     * content gives the same bytes, so that a step that runs again asks the outbound entry for the same document.
     */
    public static byte[] element(DocumentContent document) {
        try {
            Marshaller marshaller = CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(wrap(document), out);
            return out.toByteArray();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write a " + document.getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** The catalogue element for a document object: the ObjectFactory's create method of the same name. */
    private static JAXBElement<?> wrap(DocumentContent document) {
        String name = document.getClass().getSimpleName();
        try {
            return (JAXBElement<?>) ObjectFactory.class.getMethod("create" + name, document.getClass())
                    .invoke(DOCUMENTS, document);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(name + " is not a document of the catalogue", e);
        }
    }

    private static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("not readable XML: " + e.getMessage(), e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
