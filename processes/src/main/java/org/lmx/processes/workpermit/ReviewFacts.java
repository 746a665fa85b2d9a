package org.lmx.processes.workpermit;

import static org.lmx.processes.workpermit.WorkPermitVariables.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quota.QuotaShares;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.Attachment;
import org.lmx.xsd.exchange.v1.AttachmentRef;
import org.lmx.xsd.exchange.v1.ExchangeMessage;
import org.lmx.xsd.exchange.v1.TravelDocument;
import org.lmx.xsd.exchange.v1.Traveller;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * Task listener (event create) of the review and of the supervisor's approval: the facts their forms show that no
 * step has put in a variable yet, each a String (one item per line where it is a list), read from the application
 * as received and from the quota ledger at the moment the task opens, so the places left are today's figure and
 * not the registration's.
 */
public class ReviewFacts implements TaskListener {

    private final QuotaLedger ledger;
    private final QuotaShares shares;

    public ReviewFacts(QuotaLedger ledger, QuotaShares shares) {
        this.ledger = ledger;
        this.shares = shares;
    }

    @Override
    public void notify(DelegateTask task) {
        byte[] signed = (byte[]) task.getVariable(APPLICATION_DOCUMENT);
        ExchangeMessage envelope = ContractXml.envelope(signed);
        WorkPermitApplication application = ContractXml.body(signed, WorkPermitApplication.class);
        Traveller applicant = application.getApplicant();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(APPLICANT_BIRTH_DATE, applicant.getBirthDate().toString());
        facts.put(TRAVEL_DOCUMENT, travelDocument(applicant.getTravelDocument()));
        facts.put(EMPLOYER_BIN, application.getEmployer().getBin());
        facts.put(EMPLOYMENT_PERIOD, CaseFile.string(task, EMPLOYMENT_FROM) + " to " + CaseFile.string(task, EMPLOYMENT_TO));
        facts.put(PERMIT_VALIDITY, CaseFile.string(task, VALID_FROM) + " to " + CaseFile.string(task, VALID_TO));
        facts.put(CATEGORY_BASIS, categoryBasis(task));
        facts.put(DOCUMENTS, documents(envelope, application));
        facts.put(QUOTA_LINE, CaseFile.string(task, QUOTA_YEAR) + ", sector " + CaseFile.string(task, SECTOR)
                + ", regions " + CaseFile.string(task, REGIONS));
        facts.put(QUOTA_LEFT, quotaLeft(task));
        facts.put(FLAG_SUMMARY, orElse(CaseFile.string(task, FLAGS), "none"));
        facts.put(REQUIREMENT_SUMMARY, orElse(CaseFile.string(task, REQUIREMENT_NOTES), "met"));
        facts.put(INFORMATION_SUMMARY, orElse(CaseFile.string(task, INFORMATION_ANSWERS), "none requested"));
        String decision = CaseFile.string(task, DECISION);
        if (decision != null) {
            String reasons = CaseFile.string(task, REVIEW_REASONS);
            facts.put(REVIEW_SUMMARY, decision + " by " + CaseFile.string(task, REVIEWED_BY)
                    + (reasons == null || reasons.isBlank() ? "" : ": " + reasons));
        }
        task.setVariables(facts);
    }

    static String travelDocument(TravelDocument document) {
        return document.getKind().value() + " " + document.getNumber() + " (" + document.getIssuingState()
                + "), issued " + document.getIssueDate() + ", expires " + document.getExpiryDate();
    }

    /** The DMN's outputs and the inputs it decided on, so the officer sees why the case has its category. */
    private static String categoryBasis(DelegateTask task) {
        List<String> lines = new ArrayList<>();
        lines.add(CaseFile.string(task, CATEGORY) + " by decision table " + DecideCategory.DECISION + " from ISCO-08 "
                + CaseFile.string(task, ISCO_CODE) + ", sector " + CaseFile.string(task, SECTOR)
                + (CaseFile.flag(task, KANDAS) ? ", Kandas status" : "")
                + (CaseFile.string(task, PROTECTION_STATUS) == null ? ""
                        : ", protection status " + CaseFile.string(task, PROTECTION_STATUS))
                + (CaseFile.flag(task, INTRA_CORPORATE) ? ", intra-corporate transfer" : ""));
        String requested = CaseFile.string(task, REQUESTED_CATEGORY);
        if (requested != null) {
            lines.add("requested: " + requested);
        }
        lines.add("longest validity " + CaseFile.string(task, MAX_VALIDITY_MONTHS) + " months; education ISCED "
                + CaseFile.string(task, MIN_EDUCATION_LEVEL) + " or above; " + CaseFile.string(task, MIN_EXPERIENCE_YEARS)
                + " years of experience or more");
        lines.add((CaseFile.flag(task, QUOTA_REQUIRED) ? "counted" : "not counted") + " against the quota; qualification "
                + (CaseFile.flag(task, VERIFY_QUALIFICATION) ? "verified with the applicant partner" : "not verified"));
        return String.join("\n", lines);
    }

    /** Every attachment in the signed header, with what the application says it is. */
    private static String documents(ExchangeMessage envelope, WorkPermitApplication application) {
        if (envelope.getHeader().getAttachments() == null
                || envelope.getHeader().getAttachments().getAttachment().isEmpty()) {
            return "none attached";
        }
        Map<String, AttachmentRef> described = new LinkedHashMap<>();
        for (AttachmentRef ref : application.getSupportingDocument()) {
            described.put(ref.getAttachmentId(), ref);
        }
        List<String> lines = new ArrayList<>();
        for (Attachment attachment : envelope.getHeader().getAttachments().getAttachment()) {
            AttachmentRef ref = described.get(attachment.getId());
            lines.add(attachment.getId() + ": " + attachment.getFileName() + " (" + attachment.getMimeType() + ", "
                    + size(attachment.getSize()) + ")"
                    + (ref == null ? "" : " " + ref.getKind().value()
                            + (ref.getDescription() == null ? "" : ": " + ref.getDescription())));
        }
        return String.join("\n", lines);
    }

    private String quotaLeft(DelegateTask task) {
        if (!CaseFile.flag(task, QUOTA_REQUIRED)) {
            return CaseFile.string(task, CATEGORY) + " is not counted against the quota";
        }
        int year = CaseFile.integer(task, QUOTA_YEAR);
        String sector = CaseFile.required(task, SECTOR);
        String partner = CaseFile.required(task, APPLICANT_PARTNER);
        List<String> lines = new ArrayList<>();
        for (String region : CaseFile.regions(task)) {
            StringBuilder line = new StringBuilder(region).append(": ")
                    .append(ledger.remaining(year, sector, region)).append(" places left");
            OptionalInt share = shares.limit(partner, year, sector, region);
            if (share.isPresent()) {
                line.append("; share of ").append(partner).append(": ")
                        .append(ledger.heldBy(partner, year, sector, region)).append(" of ").append(share.getAsInt())
                        .append(" held");
            }
            lines.add(line.toString());
        }
        if (ledger.holds(CaseFile.required(task, CASE_REFERENCE))) {
            lines.add("this case holds one place in each region");
        }
        return String.join("\n", lines);
    }

    private static String size(BigInteger bytes) {
        long n = bytes.longValue();
        return n < 1024 ? n + " bytes" : n < 1024 * 1024 ? (n / 1024) + " KiB" : String.format(Locale.ROOT, "%.1f MiB", n / 1048576.0);
    }

    private static String orElse(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }
}
