package org.lmx.processes.permit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A work permit as the register keeps it (and as the PermitDecision granting it states it).
 *
 * @param number           KZ-WP-&lt;year&gt;-&lt;6 digits&gt;; null in a permit not registered yet
 * @param caseReference    the hub's case (WP-&lt;year&gt;-&lt;6 digits&gt;)
 * @param applicationId    the WorkPermitApplication's MessageId
 * @param applicantPartner the party that applied, e.g. KOR:MOEL
 * @param category         STANDARD, SKILLS_VISA, KANDAS, INTRA_CORPORATE or REFUGEE_OR_STATELESS
 * @param regions          ISO 3166-2:KZ regions where the holder may work, in the application's order
 * @param mentoredTrainees local trainees the employer committed to mentor, or null: no commitment
 */
public record Permit(String number, String caseReference, String applicationId, String applicantPartner,
                     String category, Holder holder, Employer employer, String professionIsco, String jobTitle,
                     String sector, List<String> regions, LocalDate validFrom, LocalDate validTo,
                     Integer mentoredTrainees, OffsetDateTime decidedAt) {

    public Permit {
        regions = List.copyOf(regions);
    }

    /** The holder, with the names in Latin script as in the travel document. */
    public record Holder(String surname, String givenNames, LocalDate birthDate, String citizenship,
                         String travelDocumentKind, String travelDocumentNumber, String travelDocumentIssuingState) {
    }

    /** The employer in Kazakhstan. */
    public record Employer(String bin, String name) {
    }

    Permit numbered(String permitNumber) {
        return new Permit(permitNumber, caseReference, applicationId, applicantPartner, category, holder, employer,
                professionIsco, jobTitle, sector, regions, validFrom, validTo, mentoredTrainees, decidedAt);
    }
}
