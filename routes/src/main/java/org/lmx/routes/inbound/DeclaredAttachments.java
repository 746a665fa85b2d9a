package org.lmx.routes.inbound;

import java.util.ArrayList;
import java.util.List;
import org.lmx.routes.log.LoggedAttachment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The attachments a schema-valid document lists in its signed header, in order. */
final class DeclaredAttachments {

    private DeclaredAttachments() {
    }

    static List<LoggedAttachment> of(Document document) {
        List<LoggedAttachment> declared = new ArrayList<>();
        Element list = child(child(document.getDocumentElement(), "Header"), "Attachments");
        for (Node n = list == null ? null : list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element a && "Attachment".equals(a.getLocalName())) {
                declared.add(new LoggedAttachment(text(a, "Id"), child(a, "FileName").getTextContent(), text(a, "MimeType"),
                        Long.parseLong(text(a, "Size")), text(a, "Sha256")));
            }
        }
        return declared;
    }

    // the other fields are tokens: the schema collapses their white space, and so does this
    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().trim();
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent == null ? null : parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ReceivedHeader.LMX.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}
