package org.lmx.hub.cli;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reading an ExchangeMessage's DOM by the contract's element names (child elements only, never a search). */
final class ExchangeXml {

    static final String NS = "urn:lmx:exchange:1";

    private ExchangeXml() {
    }

    /** The Header of an ExchangeMessage; a clear refusal for any other XML. */
    static Element header(Document document) throws CliFailure {
        Element root = document.getDocumentElement();
        if (!NS.equals(root.getNamespaceURI()) || !"ExchangeMessage".equals(root.getLocalName())) {
            throw new CliFailure("not an ExchangeMessage of " + NS + " (the root element is {" + root.getNamespaceURI()
                    + "}" + root.getLocalName() + ")");
        }
        Element header = child(root, "Header");
        if (header == null) {
            throw new CliFailure("the ExchangeMessage has no Header");
        }
        return header;
    }

    /** The first child element of that name, or null. */
    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    /** The trimmed text of the first child of that name, or null. */
    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }

    /** The Ids of the attachments the header declares, in order. */
    static List<String> attachmentIds(Element header) {
        Element list = child(header, "Attachments");
        if (list == null) {
            return List.of();
        }
        return children(list, "Attachment").stream().map(a -> text(a, "Id")).toList();
    }
}
