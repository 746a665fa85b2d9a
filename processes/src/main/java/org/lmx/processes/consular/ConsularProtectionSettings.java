package org.lmx.processes.consular;

import java.time.Duration;

/**
 * The consular-protection process's settings; the hub binds them from {@code lmx.consular-protection.*}. An absent
 * value takes its default.
 *
 * @param informationResponse how long the partner ministry has to answer an InformationRequest (ISO-8601, P10D)
 * @param reminder            how long after the reminder the case waits before it escalates to supervisors (P5D)
 * @param consularService     the consul's party, who gets every CaseOutcome (KAZ:MFA)
 * @param migrationPolice     the party alerted at once of trafficking indicators (KAZ:MIA)
 * @param contactName         the office named as Contact in the hub's documents
 * @param contactEmail        its e-mail address, or null
 * @param contactPhone        its phone number (E.164), or null
 */
public record ConsularProtectionSettings(Duration informationResponse, Duration reminder, String consularService,
                                         String migrationPolice, String contactName, String contactEmail,
                                         String contactPhone) {

    public static final String DEFAULT_CONTACT =
            "Consular protection desk, Ministry of Labour and Social Protection of Population";

    public ConsularProtectionSettings {
        informationResponse = positive(informationResponse, Duration.ofDays(10), "information-response");
        reminder = positive(reminder, Duration.ofDays(5), "reminder");
        consularService = blank(consularService) ? "KAZ:MFA" : consularService;
        migrationPolice = blank(migrationPolice) ? "KAZ:MIA" : migrationPolice;
        contactName = blank(contactName) ? DEFAULT_CONTACT : contactName;
        contactEmail = blank(contactEmail) ? null : contactEmail;
        contactPhone = blank(contactPhone) ? null : contactPhone;
    }

    public static ConsularProtectionSettings defaults() {
        return new ConsularProtectionSettings(null, null, null, null, null, null, null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Duration positive(Duration value, Duration fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("lmx.consular-protection." + name + " must be a positive duration: "
                    + value);
        }
        return value;
    }
}
