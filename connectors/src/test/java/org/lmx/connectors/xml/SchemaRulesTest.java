package org.lmx.connectors.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The contract's rules hold in the schema itself, so a partner's own validator finds the same problems the
 * hub does. Each case starts from a valid sample and breaks exactly one rule.
 */
class SchemaRulesTest {

    private static final String LMX = "urn:lmx:exchange:1";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    @Test
    void theUnbrokenSamplesAreValid() {
        assertThatCode(() -> ContractSchema.EXCHANGE.validate(sample("WorkPermitApplication"))).doesNotThrowAnyException();
        assertThatCode(() -> ContractSchema.EXCHANGE.validate(sample("ConsularCaseNotice"))).doesNotThrowAnyException();
    }

    @Test
    void aDateTimeWithoutOffsetIsRejected() {
        assertRejected("WorkPermitApplication", d -> first(d, "Created").setTextContent("2026-11-24T10:15:00"),
                "2026-11-24T10:15:00");
    }

    @Test
    void aDateTimeWithOffsetInAnyZoneIsAccepted() {
        Document d = sample("WorkPermitApplication");
        first(d, "Created").setTextContent("2026-11-24T05:15:00Z");
        assertThatCode(() -> ContractSchema.EXCHANGE.validate(d)).doesNotThrowAnyException();
        first(d, "Created").setTextContent("2026-11-24T14:15:00+09:00");
        assertThatCode(() -> ContractSchema.EXCHANGE.validate(d)).doesNotThrowAnyException();
    }

    @Test
    void aBodyWithTwoDocumentsIsRejected() {
        assertRejected("Ping", d -> {
            Element body = first(d, "Body");
            body.appendChild(firstElement(body).cloneNode(true));
        }, "Ping");
    }

    @Test
    void anUnknownDocumentTypeIsRejected() {
        assertRejected("Ping", d -> first(d, "DocumentType").setTextContent("WorkVisaApplication"), "WorkVisaApplication");
    }

    @Test
    void anUnknownBodyElementIsRejected() {
        assertRejected("Ping", d -> {
            Element body = first(d, "Body");
            Element ping = firstElement(body);
            Element unknown = d.createElementNS(LMX, "WorkVisaApplication");
            body.replaceChild(unknown, ping);
        }, "WorkVisaApplication");
    }

    @Test
    void aMissingMessageIdIsRejected() {
        assertRejected("WorkPermitApplication", d -> remove(first(d, "MessageId")), "ConversationId");
    }

    @Test
    void anApplicantWithoutTravelDocumentIsRejected() {
        assertRejected("WorkPermitApplication", d -> {
            Element applicant = first(d, "Applicant");
            remove((Element) applicant.getElementsByTagNameNS(LMX, "TravelDocument").item(0));
        }, "TravelDocument");
    }

    @Test
    void aCitizenWhosePassportWasTakenNeedsNoTravelDocument() {
        // A consular case is exactly the case where the employer holds the worker's passport.
        Document d = sample("ConsularCaseNotice");
        Element citizen = first(d, "Citizen");
        Node travelDocument = citizen.getElementsByTagNameNS(LMX, "TravelDocument").item(0);
        if (travelDocument != null) {
            citizen.removeChild(travelDocument);
        }
        assertThatCode(() -> ContractSchema.EXCHANGE.validate(d)).doesNotThrowAnyException();
    }

    @Test
    void aReferenceToAnAttachmentMissingFromTheHeaderIsRejected() {
        assertRejected("WorkPermitApplication", d -> {
            Element ref = (Element) d.getElementsByTagNameNS(LMX, "SupportingDocument").item(0);
            ref.getElementsByTagNameNS(LMX, "AttachmentId").item(0).setTextContent("not-in-the-header");
        }, "not-in-the-header");
    }

    @Test
    void aMalformedPartyIdIsRejected() {
        assertRejected("Ping", d -> first(d, "From").setTextContent("Korea/MOEL"), "Korea/MOEL");
    }

    @Test
    void anythingAfterTheSignatureSlotIsRejected() {
        assertRejected("Ping", d -> {
            Element root = d.getDocumentElement();
            root.appendChild(d.createElementNS(DSIG, "ds:Signature"));
            root.appendChild(d.createElementNS(DSIG, "ds:Signature"));
        }, "Signature");
    }

    private static void assertRejected(String sample, Consumer<Document> breakIt, String mentioned) {
        Document d = sample(sample);
        breakIt.accept(d);
        XmlRejectedException e = catchThrowableOfType(XmlRejectedException.class, () -> ContractSchema.EXCHANGE.validate(d));
        assertThat(e).as("the broken " + sample + " must be rejected").isNotNull();
        assertThat(e.code()).isEqualTo(XmlRejectedException.SCHEMA_INVALID);
        assertThat(String.join("\n", e.problems())).contains(mentioned);
    }

    private static Document sample(String documentType) {
        return Examples.parse(Examples.document(documentType));
    }

    private static Element first(Document d, String localName) {
        Element e = (Element) d.getElementsByTagNameNS(LMX, localName).item(0);
        assertThat(e).as(localName + " in the sample").isNotNull();
        return e;
    }

    private static Element firstElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError(parent.getLocalName() + " has no child element");
    }

    private static void remove(Element e) {
        e.getParentNode().removeChild(e);
    }
}
