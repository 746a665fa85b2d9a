package org.lmx.routes.inbound;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The MessageIds a schema-valid StatusRequest asks about, in order, each once. */
final class StatusRequests {

    private StatusRequests() {
    }

    static List<String> messageIds(Document request) {
        NodeList ids = request.getElementsByTagNameNS(ReceivedHeader.LMX, "MessageId");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < ids.getLength(); i++) {
            Element id = (Element) ids.item(i);
            // the header's own MessageId is not a question
            if ("StatusRequest".equals(id.getParentNode().getLocalName())) {
                String value = id.getTextContent().trim();
                if (!asked.contains(value)) {
                    asked.add(value);
                }
            }
        }
        return asked;
    }
}
