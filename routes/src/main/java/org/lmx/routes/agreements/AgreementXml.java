package org.lmx.routes.agreements;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import java.util.List;
import java.util.Optional;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.xsd.agreement.v1.Agreement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Agreement files as XML: the hardened parse and the JAXB binding of the contract. */
final class AgreementXml {

    /** An agreement file is a few kilobytes; even 10 inline certificates and 500 quota shares stay far below. */
    static final long MAX_FILE_BYTES = 1024L * 1024;

    static final String NAMESPACE = ContractSchema.AGREEMENT.namespace();
    static final String ROOT = "Agreement";

    // A JAXBContext is thread-safe and costly to build; unmarshallers are cheap and not thread-safe.
    private static final JAXBContext CONTEXT = context();

    private AgreementXml() {
    }

    static Document parse(byte[] bytes) throws XmlRejectedException {
        return SecureXml.parse(bytes, MAX_FILE_BYTES);
    }

    static boolean isAgreement(Document document) {
        Element root = document.getDocumentElement();
        return NAMESPACE.equals(root.getNamespaceURI()) && ROOT.equals(root.getLocalName());
    }

    /**
     * Binds a schema-valid document; every event JAXB reports (a value an adapter cannot convert, say) is added
     * to {@code problems}, since JAXB would otherwise leave the field empty and carry on.
     */
    static Optional<Agreement> unmarshal(Document document, List<Problem> problems) {
        try {
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            int before = problems.size();
            unmarshaller.setEventHandler(event -> {
                problems.add(new Problem(where(event), event.getMessage()));
                return true; // go on, so that every problem is reported
            });
            Object value = unmarshaller.unmarshal(document);
            if (problems.size() > before) {
                return Optional.empty();
            }
            if (value instanceof Agreement agreement) {
                return Optional.of(agreement);
            }
            problems.add(new Problem("file", "the root element does not bind to an Agreement"));
            return Optional.empty();
        } catch (JAXBException e) {
            problems.add(new Problem("file", "cannot be read as an agreement: " + e));
            return Optional.empty();
        }
    }

    /** Reads a version stored by the registry: it was checked when imported, so any failure is a defect. */
    static Agreement read(byte[] bytes) {
        try {
            List<Problem> problems = new java.util.ArrayList<>();
            return unmarshal(parse(bytes), problems).orElseThrow(() -> new IllegalStateException(
                    "a stored agreement version no longer binds: " + problems));
        } catch (XmlRejectedException e) {
            throw new IllegalStateException("a stored agreement version is no longer readable: " + e, e);
        }
    }

    /** The text of a child element of the root, for reports on files that are not valid. */
    static Optional<String> childText(Document document, String localName) {
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                String text = e.getTextContent().strip();
                return text.isEmpty() ? Optional.empty() : Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The element's path below the root, e.g. {@code Validity/From}, as the registry's problems name elements. */
    private static String where(ValidationEvent event) {
        var locator = event.getLocator();
        Node node = locator == null ? null : locator.getNode();
        StringBuilder path = new StringBuilder();
        for (Node n = node; n instanceof Element e && e.getParentNode() instanceof Element; n = n.getParentNode()) {
            path.insert(0, path.length() == 0 ? e.getLocalName() : e.getLocalName() + "/");
        }
        return path.length() == 0 ? "file" : path.toString();
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(Agreement.class);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot bind the agreement contract (lmx-xsd on the classpath?): " + e, e);
        }
    }
}
