package org.lmx.routes.agreements;

import java.time.LocalDate;
import org.lmx.xsd.agreement.v1.AgreementStatus;

/**
 * One agreement at a glance. The fields of the current version are null when every version is a DRAFT.
 *
 * @param partner        the partner of the current version, or of the latest version when only drafts exist
 * @param currentVersion the latest version that is not DRAFT, or null
 * @param latestVersion  the highest version imported, DRAFT or not
 * @param versions       how many versions are imported
 */
public record AgreementSummary(String id, String partner, Long currentVersion, AgreementStatus status,
                               LocalDate validFrom, LocalDate validTo, TransportKind transport, long latestVersion,
                               int versions) {
}
