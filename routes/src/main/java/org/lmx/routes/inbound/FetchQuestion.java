package org.lmx.routes.inbound;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a checked FetchRequest asks for: at most {@code maxDocuments} pending documents for {@code party} (its
 * verified signer), of the listed document types only (all types when the list is empty).
 */
public record FetchQuestion(String party, String agreementId, int maxDocuments, List<String> documentTypes) {

    public FetchQuestion {
        documentTypes = List.copyOf(documentTypes);
    }

    /** Read from a schema-valid FetchRequest (MaxDocuments 1..100, DocumentType 0..50). */
    static FetchQuestion of(Document request, String party, String agreementId) {
        Element fetch = (Element) request.getElementsByTagNameNS(ReceivedHeader.LMX, "FetchRequest").item(0);
        int max = Integer.parseInt(fetch.getElementsByTagNameNS(ReceivedHeader.LMX, "MaxDocuments").item(0)
                .getTextContent().trim());
        NodeList types = fetch.getElementsByTagNameNS(ReceivedHeader.LMX, "DocumentType");
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < types.getLength(); i++) {
            String type = types.item(i).getTextContent().trim();
            if (!asked.contains(type)) {
                asked.add(type);
            }
        }
        return new FetchQuestion(party, agreementId, max, asked);
    }
}
