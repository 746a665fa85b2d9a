package org.lmx.processes.workpermit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.IdentityCheckResult;
import org.lmx.xsd.exchange.v1.InformationResponse;
import org.lmx.xsd.exchange.v1.QualificationVerificationResult;
import org.lmx.xsd.exchange.v1.TaxStatusResult;

/**
 * What a reply brings into its case, as variables set with the correlation: the outcome the gateways read and a
 * readable note for the caseworker (the signed document itself stays in the exchange's log under its MessageId).
 */
public final class ReplyVariables {

    private static final int NOTE_LIMIT = 3800;

    private ReplyVariables() {
    }

    public static Map<String, Object> of(ReceivedDocument reply) {
        Map<String, Object> variables = new HashMap<>();
        switch (reply.documentType()) {
            case "IdentityCheckResult" -> {
                IdentityCheckResult r = ContractXml.body(reply.signed(), IdentityCheckResult.class);
                variables.put(WorkPermitVariables.IDENTITY_CHECK_OUTCOME, r.getOutcome().value());
                String findings = r.getFinding().stream()
                        .map(f -> f.getKind().value() + (f.isInForce() ? " (in force)" : " (closed)") + ": "
                                + f.getDescription())
                        .collect(Collectors.joining("\n"));
                variables.put(WorkPermitVariables.IDENTITY_CHECK_NOTE,
                        note(reply, r.getOutcome().value(), findings, r.getDetails()));
            }
            case "TaxStatusResult" -> {
                TaxStatusResult r = ContractXml.body(reply.signed(), TaxStatusResult.class);
                variables.put(WorkPermitVariables.TAX_STANDING, r.getStanding().value());
                String arrears = r.getArrearsAmount() == null ? null
                        : "arrears " + r.getArrearsAmount().getValue().toPlainString() + " "
                        + r.getArrearsAmount().getCurrency();
                variables.put(WorkPermitVariables.TAX_CHECK_NOTE,
                        note(reply, r.getStanding().value(), arrears, r.getDetails()));
            }
            case "QualificationVerificationResult" -> {
                QualificationVerificationResult r = ContractXml.body(reply.signed(),
                        QualificationVerificationResult.class);
                variables.put(WorkPermitVariables.QUALIFICATION_OUTCOME, r.getOutcome().value());
                String discrepancies = r.getDiscrepancy().stream()
                        .map(d -> d.getItem().value() + ": stated " + d.getStated() + ", recorded " + d.getRecorded())
                        .collect(Collectors.joining("\n"));
                variables.put(WorkPermitVariables.QUALIFICATION_NOTE,
                        note(reply, r.getOutcome().value(), discrepancies, r.getDetails()));
            }
            case "InformationResponse" -> {
                InformationResponse r = ContractXml.body(reply.signed(), InformationResponse.class);
                String answers = r.getAnswer().stream()
                        .map(a -> a.getQuestionId() + ": " + a.getValue())
                        .collect(Collectors.joining("\n"));
                variables.put(WorkPermitVariables.INFORMATION_ANSWERS, limit(answers));
            }
            default -> throw new IllegalArgumentException("no case takes a " + reply.documentType());
        }
        return variables;
    }

    private static String note(ReceivedDocument reply, String outcome, String findings, String details) {
        StringBuilder note = new StringBuilder(outcome).append(" (").append(reply.documentType()).append(' ')
                .append(reply.messageId()).append(" from ").append(reply.from()).append(')');
        for (String part : List.of(findings == null ? "" : findings, details == null ? "" : details)) {
            if (!part.isBlank()) {
                note.append('\n').append(part);
            }
        }
        return limit(note.toString());
    }

    /** Camunda keeps a String variable up to 4000 characters in its text column; a longer note is cut. */
    private static String limit(String text) {
        return text.length() <= NOTE_LIMIT ? text : text.substring(0, NOTE_LIMIT) + " ...";
    }
}
