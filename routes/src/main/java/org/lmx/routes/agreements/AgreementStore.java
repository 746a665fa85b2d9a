package org.lmx.routes.agreements;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.xsd.agreement.v1.Agreement;
import org.lmx.xsd.agreement.v1.AgreementStatus;
import org.lmx.xsd.agreement.v1.TrustRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The registry's tables (db/migration/V1__agreements.sql). Rows are inserted once and never updated. */
final class AgreementStore {

    /** A stored version without its content. */
    record VersionRow(String agreementId, long version, AgreementStatus status, String partner,
                      TransportKind transport, LocalDate validFrom, LocalDate validTo, String fileName, String sha256,
                      Instant importedAt, String importedBy) {
    }

    private static final String VERSION_COLUMNS = "agreement_id, version, status, partner, transport, valid_from, "
            + "valid_to, file_name, sha256, imported_at, imported_by";

    private static final RowMapper<VersionRow> VERSION_ROW = (rs, n) -> new VersionRow(
            rs.getString("agreement_id"), rs.getLong("version"), AgreementStatus.fromValue(rs.getString("status")),
            rs.getString("partner"), TransportKind.valueOf(rs.getString("transport")),
            rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
            rs.getString("file_name"), rs.getString("sha256"), instant(rs, "imported_at"), rs.getString("imported_by"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    AgreementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
    }

    List<VersionRow> allVersions() {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM agreement_version ORDER BY agreement_id, version",
                VERSION_ROW);
    }

    List<VersionRow> versions(String agreementId) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM agreement_version WHERE agreement_id = ? ORDER BY version",
                VERSION_ROW, agreementId);
    }

    Optional<VersionRow> version(String agreementId, long version) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM agreement_version WHERE agreement_id = ? AND version = ?",
                VERSION_ROW, agreementId, version).stream().findFirst();
    }

    /** The latest version that is not DRAFT: the one in force. */
    Optional<Long> currentVersion(String agreementId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(version) FROM agreement_version "
                + "WHERE agreement_id = ? AND status <> 'DRAFT'", Long.class, agreementId));
    }

    /** Partners named by the stored versions of an agreement (one, unless the data was changed by hand). */
    List<String> partnersOf(String agreementId) {
        return jdbc.queryForList("SELECT DISTINCT partner FROM agreement_version WHERE agreement_id = ? ORDER BY partner",
                String.class, agreementId);
    }

    /** Agreements other than {@code agreementId} with this partner. */
    List<String> otherAgreementsOf(String partner, String agreementId) {
        return jdbc.queryForList("SELECT DISTINCT agreement_id FROM agreement_version WHERE partner = ? "
                + "AND agreement_id <> ? ORDER BY agreement_id", String.class, partner, agreementId);
    }

    /** The file's bytes as imported. */
    byte[] content(String agreementId, long version) {
        String text = jdbc.queryForObject("SELECT content FROM agreement_version WHERE agreement_id = ? AND version = ?",
                String.class, agreementId, version);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    List<TrustCertificate> trust(String agreementId, long version) {
        return jdbc.query("SELECT position, role, label, certificate_pem, certificate_file, crl_url, not_after "
                + "FROM agreement_trust WHERE agreement_id = ? AND version = ? ORDER BY position", (rs, n) -> {
                    String pem = rs.getString("certificate_pem");
                    try {
                        return new TrustCertificate(rs.getInt("position"), TrustRole.fromValue(rs.getString("role")),
                                rs.getString("label"), Pem.parseCertificates(pem).get(0),
                                rs.getString("certificate_file"), rs.getString("crl_url"), instant(rs, "not_after"));
                    } catch (PkiException e) {
                        throw new IllegalStateException("a stored trust certificate of " + agreementId + " version "
                                + version + " is unreadable: " + e, e);
                    }
                }, agreementId, version);
    }

    /**
     * Stores a version and its trust in one transaction.
     *
     * @throws org.springframework.dao.DuplicateKeyException if the version was stored meanwhile (another node,
     *                                                       another reload)
     */
    void insert(AgreementFile file, List<TrustCertificate> trust, String actor, Instant now) {
        Agreement agreement = file.agreement();
        transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO agreement_version (agreement_id, version, status, partner, hub_party, transport, "
                            + "valid_from, valid_to, revocation_policy, file_name, sha256, content, imported_at, imported_by) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    agreement.getId(), file.version(), agreement.getStatus().value(),
                    agreement.getParties().getPartner(), agreement.getParties().getHub(),
                    TransportKind.of(agreement.getTransport()).name(), agreement.getValidity().getFrom(),
                    agreement.getValidity().getTo(), agreement.getTrust().getRevocationPolicy().value(),
                    file.fileName(), file.sha256(), file.text(), now.atOffset(ZoneOffset.UTC), actor);
            for (TrustCertificate t : trust) {
                jdbc.update("INSERT INTO agreement_trust (agreement_id, version, position, role, label, certificate_pem, "
                                + "certificate_file, crl_url, not_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        agreement.getId(), file.version(), t.position(), t.role().value(), t.label(), pem(t),
                        t.certificateFile(), t.crlUrl(),
                        t.notAfter() == null ? null : t.notAfter().atOffset(ZoneOffset.UTC));
            }
        });
    }

    private static String pem(TrustCertificate t) {
        try {
            return Pem.toPem(t.certificate());
        } catch (PkiException e) {
            throw new IllegalStateException("cannot encode a certificate that was just decoded: " + e, e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
