package org.lmx.connectors.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The one XML parser of LMX: namespace-aware DOM with no DTDs at all (so no external entities and no entity
 * expansion), no XInclude, secure processing with the JDK's limits, and a size limit checked on the bytes
 * before any parsing. Every document the hub reads goes through {@link #parse(byte[], long)}.
 */
public final class SecureXml {

    /** Default limit for a signed document (ARCHITECTURE.md "Sizes"): 10 MiB. */
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 10L * 1024 * 1024;

    private static final DocumentBuilderFactory FACTORY = hardenedFactory();

    /** A builder per thread for {@link #parse}: making one costs nearly as much as parsing a 5 KB document. */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SecureXml::newBuilder);

    private SecureXml() {
    }

    /** Parses {@code bytes} if they are at most {@code maxBytes} long and well-formed XML without a DOCTYPE. */
    public static Document parse(byte[] bytes, long maxBytes) throws XmlRejectedException {
        if (bytes.length > maxBytes) {
            throw new XmlRejectedException(XmlRejectedException.TOO_LARGE,
                    "document of " + bytes.length + " bytes exceeds the limit of " + maxBytes + " bytes");
        }
        DocumentBuilder builder = BUILDER.get();
        try {
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (SAXParseException e) {
            String where = "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": ";
            boolean doctype = e.getMessage() != null && e.getMessage().contains("DOCTYPE");
            String code = doctype ? XmlRejectedException.DOCTYPE : XmlRejectedException.MALFORMED;
            String reason = doctype
                    ? "a DOCTYPE is not allowed (no DTDs, no entities): " + where + e.getMessage()
                    : "not well-formed XML at " + where + e.getMessage();
            throw new XmlRejectedException(code, reason, List.of(reason), e);
        } catch (SAXException | IOException e) {
            throw new XmlRejectedException(XmlRejectedException.MALFORMED, "not readable as XML: " + e.getMessage(),
                    List.of(String.valueOf(e.getMessage())), e);
        } finally {
            // back to the factory's state (reset() forgets the handlers too) for the thread's next document
            builder.reset();
            harden(builder);
        }
    }

    /** An empty namespace-aware document to build (JAXB marshals into it), from the thread's builder. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /** Parses with the default document size limit. */
    public static Document parse(byte[] bytes) throws XmlRejectedException {
        return parse(bytes, DEFAULT_MAX_DOCUMENT_BYTES);
    }

    /** A new builder from the hardened factory; builders are not thread-safe, the factory's settings are. */
    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            harden(builder);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support the hardening LMX needs", e);
        }
    }

    private static void harden(DocumentBuilder builder) {
        builder.setErrorHandler(RETHROW);
        builder.setEntityResolver(REFUSE_ENTITIES);
    }

    private static final EntityResolver REFUSE_ENTITIES = (publicId, systemId) -> {
        throw new SAXException("external entity refused: " + systemId);
    };

    private static DocumentBuilderFactory hardenedFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        try {
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute("jdk.xml.entityExpansionLimit", "0");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            // Validation is never a parser option: schema defaults would change signed content (see LmxSchemas).
            f.setValidating(false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser does not support the hardening LMX needs", e);
        }
        return f;
    }

    private static final ErrorHandler RETHROW = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document unreadable
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };
}
