package org.lmx.connectors.xml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The contract's schemas, compiled once from the classpath of the {@code xsd} module and shared: a
 * {@link Schema} is thread-safe, each validation gets its own {@link Validator}. Validation runs on the
 * parsed document, never as a parser option, and the schemas have no default or fixed values, so it can
 * never change the signed content.
 */
public enum ContractSchema {
    /** Every exchanged document: the ExchangeMessage envelope and its catalogue. */
    EXCHANGE("urn:lmx:exchange:1", "lmx/exchange.xsd"),
    /** Bilateral agreement files. */
    AGREEMENT("urn:lmx:agreement:1", "lmx/agreement.xsd");

    private static final String SCHEMA_FOLDER = "lmx/";

    private final String namespace;
    private final String resource;
    private volatile Schema schema;

    ContractSchema(String namespace, String resource) {
        this.namespace = namespace;
        this.resource = resource;
    }

    public String namespace() {
        return namespace;
    }

    /** The schema for a document's root namespace, if it belongs to the contract. */
    public static Optional<ContractSchema> forNamespace(String namespaceUri) {
        return Arrays.stream(values()).filter(s -> s.namespace.equals(namespaceUri)).findFirst();
    }

    /** The compiled schema (compiled on first use, then cached). */
    public Schema schema() {
        Schema s = schema;
        if (s == null) {
            synchronized (this) {
                s = schema;
                if (s == null) {
                    s = compile(resource);
                    schema = s;
                }
            }
        }
        return s;
    }

    /**
     * Validates a parsed document and reports every problem at once.
     *
     * @throws XmlRejectedException with code {@link XmlRejectedException#SCHEMA_INVALID} listing all problems
     */
    public void validate(Document document) throws XmlRejectedException {
        Validator validator = schema().newValidator();
        List<String> problems = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // warnings do not make a document invalid
            }

            @Override
            public void error(SAXParseException e) {
                problems.add(e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXException {
                problems.add(e.getMessage());
                throw e;
            }
        });
        try {
            validator.validate(new DOMSource(document));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new XmlRejectedException(XmlRejectedException.SCHEMA_INVALID,
                    "not valid against " + namespace + ": " + String.join("; ", problems), problems, null);
        }
    }

    private static Schema compile(String resource) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            // includes and imports come from the contract on the classpath, never from the network or disk
            factory.setResourceResolver(CLASSPATH_ONLY);
            URL url = resourceUrl(resource);
            try (InputStream in = url.openStream()) {
                return factory.newSchema(new StreamSource(in, url.toExternalForm()));
            }
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("cannot compile the contract schema " + resource + ": " + e.getMessage(), e);
        }
    }

    private static URL resourceUrl(String resource) {
        URL url = ContractSchema.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("contract schema " + resource + " is not on the classpath (lmx-xsd missing?)");
        }
        return url;
    }

    private static final LSResourceResolver CLASSPATH_ONLY = (type, namespaceUri, publicId, systemId, baseUri) -> {
        if (systemId == null || systemId.contains(":") || systemId.contains("..")) {
            return null; // not a sibling file of the contract: let secure processing refuse it
        }
        URL url = resourceUrl(SCHEMA_FOLDER + systemId);
        return new ClasspathInput(url, publicId, systemId, baseUri);
    };

    /** An {@link LSInput} reading a schema file of the contract from the classpath. */
    private record ClasspathInput(URL url, String publicId, String systemId, String baseUri) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() {
            try {
                return url.openStream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return url.toExternalForm(); }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return baseUri; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
