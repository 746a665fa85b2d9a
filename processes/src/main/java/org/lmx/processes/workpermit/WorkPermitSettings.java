package org.lmx.processes.workpermit;

import java.time.Duration;

/**
 * The work-permit process's settings; the hub binds them from {@code lmx.work-permit.*}. An absent value takes its
 * default, so a partial configuration works.
 *
 * @param identityCheck       how long KAZ:MIA has to answer an IdentityCheckRequest (ISO-8601, default P5D)
 * @param taxCheck            how long KAZ:SRC has to answer a TaxStatusRequest (default P5D)
 * @param qualificationCheck  how long the applicant partner has to answer a QualificationVerificationRequest (P10D)
 * @param informationResponse how long the applicant partner has to answer an InformationRequest (P14D)
 * @param hubParty            the hub's own party (KAZ:MLSP)
 * @param contactName         the office named as Contact in the hub's requests and decisions
 * @param contactEmail        its e-mail address, or null
 * @param contactPhone        its phone number (E.164), or null
 */
public record WorkPermitSettings(Duration identityCheck, Duration taxCheck, Duration qualificationCheck,
                                 Duration informationResponse, String hubParty, String contactName,
                                 String contactEmail, String contactPhone) {

    public static final String DEFAULT_CONTACT =
            "Department of Labour Migration, Ministry of Labour and Social Protection of Population";

    public WorkPermitSettings {
        identityCheck = positive(identityCheck, Duration.ofDays(5), "identity-check");
        taxCheck = positive(taxCheck, Duration.ofDays(5), "tax-check");
        qualificationCheck = positive(qualificationCheck, Duration.ofDays(10), "qualification-check");
        informationResponse = positive(informationResponse, Duration.ofDays(14), "information-response");
        hubParty = hubParty == null || hubParty.isBlank() ? "KAZ:MLSP" : hubParty;
        contactName = contactName == null || contactName.isBlank() ? DEFAULT_CONTACT : contactName;
        contactEmail = contactEmail == null || contactEmail.isBlank() ? null : contactEmail;
        contactPhone = contactPhone == null || contactPhone.isBlank() ? null : contactPhone;
    }

    /** Every value at its default. */
    public static WorkPermitSettings defaults() {
        return new WorkPermitSettings(null, null, null, null, null, null, null, null);
    }

    /** The same settings with other deadlines (tests, configuration). */
    public WorkPermitSettings withDeadlines(Duration identity, Duration tax, Duration qualification,
                                            Duration information) {
        return new WorkPermitSettings(identity, tax, qualification, information, hubParty, contactName, contactEmail,
                contactPhone);
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lmx.work-permit." + name + " must be a positive duration: " + value);
        }
        return value;
    }
}
