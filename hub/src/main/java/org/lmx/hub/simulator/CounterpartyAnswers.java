package org.lmx.hub.simulator;

import jakarta.xml.bind.JAXBElement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.processes.xml.ContractXml;
import org.lmx.routes.inbound.ReceiptIssuer;
import org.lmx.routes.inbound.ReceivedHeader;
import org.lmx.xsd.exchange.v1.DocumentContent;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.IdentityCheckRequest;
import org.lmx.xsd.exchange.v1.IdentityCheckResult;
import org.lmx.xsd.exchange.v1.IdentityFindingKind;
import org.lmx.xsd.exchange.v1.InformationRequest;
import org.lmx.xsd.exchange.v1.InformationResponse;
import org.lmx.xsd.exchange.v1.ObjectFactory;
import org.lmx.xsd.exchange.v1.QualificationVerificationOutcome;
import org.lmx.xsd.exchange.v1.QualificationVerificationRequest;
import org.lmx.xsd.exchange.v1.QualificationVerificationResult;
import org.lmx.xsd.exchange.v1.TaxStanding;
import org.lmx.xsd.exchange.v1.TaxStatusRequest;
import org.lmx.xsd.exchange.v1.TaxStatusResult;
import org.lmx.xsd.exchange.v1.TravelDocument;
import org.w3c.dom.Document;

/**
 * What one simulated counterparty answers to a document of the hub, signed with its development key: an ACCEPTED
 * receipt for every document, and for the requests it knows a favourable answer in the same conversation, InReplyTo
 * the request: IdentityCheckRequest -> IdentityCheckResult CLEAR, TaxStatusRequest -> TaxStatusResult GOOD_STANDING,
 * QualificationVerificationRequest -> QualificationVerificationResult CONFIRMED, InformationRequest ->
 * InformationResponse (one answer per question). Each answer is checked against the contract before it leaves.
 *
 * <p>Demo rule: a travel document on the list {@code lmx.simulators.identity-hits} gets a HIT from the police, with a
 * closed prior overstay as its finding (as in the committed IdentityCheckResult sample), so that the case is flagged.
 */
public final class CounterpartyAnswers {

    private static final ObjectFactory DOCUMENTS = new ObjectFactory();
    private static final String SIMULATED = "Simulated answer (LMX development simulator), not a real check.";

    private final String party;
    private final ReceiptIssuer issuer;
    private final Clock clock;
    private final Set<String> identityHits;

    CounterpartyAnswers(String party, Credential credential, Clock clock, Set<String> identityHits) {
        this.party = party;
        this.issuer = new ReceiptIssuer(credential, party, clock);
        this.clock = clock;
        this.identityHits = identityHits;
    }

    public String party() {
        return party;
    }

    /** The party's signed ACCEPTED receipt for the hub's {@code document} (its bytes as received). */
    public byte[] receipt(Document document, byte[] received) {
        return checked(issuer.issue(ReceivedHeader.of(document), Sha256.hex(received), clock.instant(), Optional.empty()));
    }

    /** The party's signed answer to the hub's request {@code received}, if it is a request the party answers. */
    public Optional<byte[]> answer(Document document, byte[] received) {
        ReceivedHeader header = ReceivedHeader.of(document);
        Optional<JAXBElement<? extends DocumentContent>> content = switch (header.documentType().orElse("")) {
            case "IdentityCheckRequest" -> Optional.of(identity(ContractXml.body(received, IdentityCheckRequest.class)));
            case "TaxStatusRequest" -> Optional.of(tax(ContractXml.body(received, TaxStatusRequest.class)));
            case "QualificationVerificationRequest" ->
                    Optional.of(qualification(ContractXml.body(received, QualificationVerificationRequest.class)));
            case "InformationRequest" -> Optional.of(information(ContractXml.body(received, InformationRequest.class)));
            default -> Optional.empty();
        };
        return content.map(c -> checked(issuer.reply(header, c)));
    }

    private JAXBElement<IdentityCheckResult> identity(IdentityCheckRequest request) {
        IdentityCheckResult result = new IdentityCheckResult();
        result.setCaseReference(request.getCaseReference());
        TravelDocument travelDocument = request.getSubject().getTravelDocument();
        String number = travelDocument == null ? null : travelDocument.getNumber();
        if (number != null && identityHits.contains(number)) {
            IdentityCheckResult.Finding finding = new IdentityCheckResult.Finding();
            finding.setKind(IdentityFindingKind.PRIOR_OVERSTAY);
            finding.setInForce(false);
            finding.setDescription(SIMULATED + " Demo rule: travel document " + number + " is on the simulator's list"
                    + " (lmx.simulators.identity-hits); a closed record of an earlier stay without registration.");
            result.setOutcome(IdentityCheckOutcome.HIT);
            result.getFinding().add(finding);
        } else {
            result.setOutcome(IdentityCheckOutcome.CLEAR);
        }
        result.setDetails(SIMULATED + " No entry ban, no wanted notice, travel document not reported lost.");
        result.setCheckedAt(now());
        return DOCUMENTS.createIdentityCheckResult(result);
    }

    private JAXBElement<TaxStatusResult> tax(TaxStatusRequest request) {
        TaxStatusResult result = new TaxStatusResult();
        result.setCaseReference(request.getCaseReference());
        result.setEmployerBin(request.getEmployerBin());
        result.setRegisteredName(request.getEmployerName());
        result.setStanding(TaxStanding.GOOD_STANDING);
        result.setDetails(SIMULATED + " No arrears of taxes or social payments.");
        result.setCheckedAt(now());
        return DOCUMENTS.createTaxStatusResult(result);
    }

    private JAXBElement<QualificationVerificationResult> qualification(QualificationVerificationRequest request) {
        QualificationVerificationResult result = new QualificationVerificationResult();
        result.setCaseReference(request.getCaseReference());
        result.setOutcome(QualificationVerificationOutcome.CONFIRMED);
        result.setDetails(SIMULATED + " The diploma and the stated experience match the registers.");
        result.setCheckedAt(now());
        return DOCUMENTS.createQualificationVerificationResult(result);
    }

    private JAXBElement<InformationResponse> information(InformationRequest request) {
        InformationResponse response = new InformationResponse();
        response.setCaseReference(request.getCaseReference());
        for (InformationRequest.Question question : request.getQuestion()) {
            InformationResponse.Answer answer = new InformationResponse.Answer();
            answer.setQuestionId(question.getId());
            answer.setValue(SIMULATED + " Confirmed.");
            response.getAnswer().add(answer);
        }
        return DOCUMENTS.createInformationResponse(response);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Signed bytes valid against the contract, or an exception: a simulator never sends what a real party could not. */
    private byte[] checked(byte[] signed) {
        try {
            ContractSchema.EXCHANGE.validate(SecureXml.parse(signed));
            return signed;
        } catch (XmlRejectedException e) {
            throw new IllegalStateException(party + "'s simulated answer is not valid against the contract: "
                    + e.problems(), e);
        }
    }
}
