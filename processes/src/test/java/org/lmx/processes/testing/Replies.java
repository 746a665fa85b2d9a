package org.lmx.processes.testing;

import java.time.OffsetDateTime;
import org.lmx.xsd.exchange.v1.IdentityCheckOutcome;
import org.lmx.xsd.exchange.v1.IdentityCheckResult;
import org.lmx.xsd.exchange.v1.IdentityFindingKind;
import org.lmx.xsd.exchange.v1.InformationResponse;
import org.lmx.xsd.exchange.v1.QualificationVerificationOutcome;
import org.lmx.xsd.exchange.v1.QualificationVerificationResult;
import org.lmx.xsd.exchange.v1.TaxStanding;
import org.lmx.xsd.exchange.v1.TaxStatusResult;

/** The answers the agencies and the partner ministry send to a case's requests. */
public final class Replies {

    private static final OffsetDateTime CHECKED_AT = OffsetDateTime.parse("2026-02-03T11:00:00+05:00");

    private Replies() {
    }

    public static IdentityCheckResult identity(String caseReference, IdentityCheckOutcome outcome) {
        IdentityCheckResult result = new IdentityCheckResult();
        result.setCaseReference(caseReference);
        result.setOutcome(outcome);
        if (outcome == IdentityCheckOutcome.HIT) {
            IdentityCheckResult.Finding finding = new IdentityCheckResult.Finding();
            finding.setKind(IdentityFindingKind.PRIOR_OVERSTAY);
            finding.setInForce(false);
            finding.setDescription("Stayed in Atyrau without registration in 2019; fine paid.");
            result.getFinding().add(finding);
        }
        result.setCheckedAt(CHECKED_AT);
        return result;
    }

    public static TaxStatusResult tax(String caseReference, String bin, TaxStanding standing) {
        TaxStatusResult result = new TaxStatusResult();
        result.setCaseReference(caseReference);
        result.setEmployerBin(bin);
        result.setStanding(standing);
        result.setCheckedAt(CHECKED_AT);
        return result;
    }

    public static QualificationVerificationResult qualification(String caseReference,
                                                                QualificationVerificationOutcome outcome) {
        QualificationVerificationResult result = new QualificationVerificationResult();
        result.setCaseReference(caseReference);
        result.setOutcome(outcome);
        result.setCheckedAt(CHECKED_AT);
        return result;
    }

    public static InformationResponse information(String caseReference, String... answers) {
        InformationResponse response = new InformationResponse();
        response.setCaseReference(caseReference);
        for (int i = 0; i < answers.length; i++) {
            InformationResponse.Answer answer = new InformationResponse.Answer();
            answer.setQuestionId("q" + (i + 1));
            answer.setValue(answers[i]);
            response.getAnswer().add(answer);
        }
        return response;
    }
}
