package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.xml.ws.WebServiceException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.cxf.binding.soap.SoapFault;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.xsd.service.v1.Acknowledge;
import org.lmx.xsd.service.v1.AcknowledgeResponse;
import org.lmx.xsd.service.v1.AcknowledgementStatus;
import org.lmx.xsd.service.v1.DocumentWithAttachments;
import org.lmx.xsd.service.v1.FetchPending;


import org.springframework.http.HttpStatus;

import org.springframework.http.ResponseEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Uzbekistan's labour ministry (AGR-UZB-MEHNAT, SOAP_PULL) fetches over SOAP what an operator posted for it through
 * {@code POST /api/outbound}: signed by the hub, with its attachment, again on every fetch until its signed receipt
 * is acknowledged; then DELIVERED and no longer fetched. The other pull partner ARE:NGO-EWAS (an agreement no other
 * IT changes) never sees it.
 */
class PullPartnerIT extends HubIT {

    private static final String UZB = "UZB:MEHNAT";
    private static final String EWAS = "ARE:NGO-EWAS";

    @Test
    void thePullPartnerFetchesItsDocumentUntilItAcknowledgesAndNoOtherPartnerSeesIt() throws Exception {
        byte[] permit = "%PDF-1.7 the permit for the Uzbek worker".getBytes(StandardCharsets.UTF_8);
        Map<String, Object> post = new LinkedHashMap<>();
        post.put("to", UZB);
        post.put("documentType", "PermitDecision");
        post.put("document", Parties.bodyOf("PermitDecision"));
        post.put("attachments", List.of(Map.of("id", "permit", "fileName", "permit.pdf", "mimeType", "application/pdf",
                "contentBase64", Base64.getEncoder().encodeToString(permit))));
        ResponseEntity<String> answer = asOperator().postForEntity(url("/api/outbound"), json(post), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode issued = JSON.readTree(answer.getBody());
        String id = issued.get("messageId").asText();
        assertThat(state(id)).isEqualTo("QUEUED");

        PartnerClient client = new PartnerClient(url(""), DATA_DIR);
        Credential uzbekistan = Parties.credential(DATA_DIR, UZB);

        List<DocumentWithAttachments> first = fetch(client, "1.2", UZB, "AGR-UZB-MEHNAT", uzbekistan);
        DocumentWithAttachments fetched = only(first, id, client);
        byte[] received = fetched.getDocument();
        assertThat(Sha256.hex(received)).isEqualTo(issued.get("digest").asText());
        assertThat(fetched.getAttachment()).singleElement().satisfies(part -> {
            assertThat(part.getId()).isEqualTo("permit");
            try (InputStream in = part.getContent().getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(permit);
            }
        });
        assertThat(states(id)).containsExactly("QUEUED", "SENT");

        // not acknowledged: fetched again, the same bytes, on either port
        assertThat(only(fetch(client, "1.1", UZB, "AGR-UZB-MEHNAT", uzbekistan), id, client).getDocument()).isEqualTo(received);

        // another pull partner does not see it
        List<DocumentWithAttachments> theirs = fetch(client, "1.2", EWAS, "AGR-ARE-NGO-EWAS",
                Parties.credential(DATA_DIR, EWAS));
        assertThat(messageIds(theirs, client)).doesNotContain(id);

        byte[] receipt = Parties.receiptFor(received, UZB, "AGR-UZB-MEHNAT", null).signedBy(uzbekistan);
        Acknowledge acknowledge = new Acknowledge();
        acknowledge.getReceipt().add(receipt);
        AcknowledgeResponse acknowledged = client.port("1.2").acknowledge(acknowledge);

        assertThat(acknowledged.getResult()).singleElement().satisfies(result -> {
            assertThat(result.getStatus()).isEqualTo(AcknowledgementStatus.RECONCILED);
            assertThat(result.getReceivedMessageId()).isEqualTo(id);
        });
        assertThat(states(id)).containsExactly("QUEUED", "SENT", "DELIVERED");
        assertThat(messageIds(fetch(client, "1.2", UZB, "AGR-UZB-MEHNAT", uzbekistan), client)).doesNotContain(id);
        // the same receipt again changes nothing
        assertThat(client.port("1.1").acknowledge(acknowledge).getResult().get(0).getStatus())
                .isEqualTo(AcknowledgementStatus.ALREADY_RECONCILED);
    }

    @Test
    void aFetchPendingCarryingAnotherDocumentIsAFaultWithTheLmxCode() throws Exception {
        PartnerClient client = new PartnerClient(url(""), DATA_DIR);
        byte[] status = Parties.message("StatusRequest").from(UZB).agreement("AGR-UZB-MEHNAT")
                .signedBy(Parties.credential(DATA_DIR, UZB));
        FetchPending call = new FetchPending();
        call.setFetchRequest(status);

        // an undeclared fault: CXF's client hands it over as a WebServiceException around the SoapFault
        assertThatThrownBy(() -> client.port("1.2").fetchPending(call)).isInstanceOf(WebServiceException.class)
                .cause().isInstanceOf(SoapFault.class).hasMessageStartingWith("LMX-AGR-DOCUMENT-TYPE: ")
                .satisfies(fault -> assertThat(((SoapFault) fault).getDetail().getTextContent()).contains("LMX-AGR-DOCUMENT-TYPE"));
    }

    /** A signed FetchRequest of {@code party} for up to 100 documents of any type. */
    private static List<DocumentWithAttachments> fetch(PartnerClient client, String soapVersion, String party,
                                                       String agreementId, Credential signer) throws Exception {
        byte[] request = Parties.message("FetchRequest").from(party).agreement(agreementId).edit(dom -> {
            Element fetch = (Element) dom.getElementsByTagNameNS(Parties.LMX, "FetchRequest").item(0);
            while (fetch.getElementsByTagNameNS(Parties.LMX, "DocumentType").getLength() > 0) {
                fetch.removeChild(fetch.getElementsByTagNameNS(Parties.LMX, "DocumentType").item(0));
            }
            dom.getElementsByTagNameNS(Parties.LMX, "MaxDocuments").item(0).setTextContent("100");
        }).signedBy(signer);
        FetchPending call = new FetchPending();
        call.setFetchRequest(request);
        return client.port(soapVersion, true).fetchPending(call).getPending();
    }

    /** The one fetched document with MessageId {@code id}, verified as signed by the hub. */
    private static DocumentWithAttachments only(List<DocumentWithAttachments> fetched, String id, PartnerClient client)
            throws Exception {
        List<DocumentWithAttachments> matching = new ArrayList<>();
        for (DocumentWithAttachments d : fetched) {
            if (id.equals(messageId(d, client))) {
                matching.add(d);
            }
        }
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    private static List<String> messageIds(List<DocumentWithAttachments> fetched, PartnerClient client) throws Exception {
        List<String> ids = new ArrayList<>();
        for (DocumentWithAttachments d : fetched) {
            ids.add(messageId(d, client));
        }
        return ids;
    }

    /** Every fetched document must verify as the hub's own signature. */
    private static String messageId(DocumentWithAttachments fetched, PartnerClient client) throws Exception {
        Document document = client.verified(fetched.getDocument()).getOwnerDocument();
        return document.getElementsByTagNameNS(Parties.LMX, "MessageId").item(0).getTextContent();
    }
}
