package org.lmx.routes.agreements;

import java.time.Instant;
import java.time.LocalDate;
import org.lmx.xsd.agreement.v1.AgreementStatus;

/**
 * One imported version of an agreement, as the registry keeps it.
 *
 * @param sha256  SHA-256 of the file's bytes, lower-case hex
 * @param current true for the version in force (the latest that is not DRAFT)
 */
public record AgreementVersionInfo(long version, AgreementStatus status, LocalDate validFrom, LocalDate validTo,
                                   TransportKind transport, Instant importedAt, String importedBy, String fileName,
                                   String sha256, boolean current) {
}
