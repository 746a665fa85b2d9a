package org.lmx.processes.vetting;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A row of the contract register: a citizen's contract abroad as vetted, with its verdict.
 *
 * @param flags       the rule codes flagged, separated by a space ("" for a clean contract)
 * @param decidedBy   the officer's user id, or null when the rules alone decided
 * @param countryPack the country information pack referenced in the result, or null
 */
public record VettedContract(String caseReference, String registrationId, String registrationReference,
                             String conversationId, String sender, String citizenIin, String travelDocumentNumber,
                             String travelDocumentState, String surname, String givenNames, String hostCountry,
                             String employerName, String employerRegistration, LocalDate contractFrom,
                             LocalDate contractTo, String verdict, String flags, String decidedBy,
                             String countryPack, OffsetDateTime vettedAt) {
}
