package org.lmx.processes.permit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The permit register (tables {@code permit}, {@code permit_region}, V8): every permit granted, one per case.
 * Writes run in the caller's transaction (the process step that grants), so a grant that rolls back leaves no
 * permit and uses no number.
 */
public class PermitRegister {

    private static final String COLUMNS = "permit_number, case_reference, application_id, applicant_partner, category,"
            + " holder_surname, holder_given_names, holder_birth_date, holder_citizenship, travel_document_kind,"
            + " travel_document_number, travel_document_state, employer_bin, employer_name, profession_isco, job_title,"
            + " sector, regions, valid_from, valid_to, mentored_trainees, decided_at";

    private final JdbcTemplate jdbc;
    private final RegisterCounters counters;

    public PermitRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.counters = new RegisterCounters(jdbc);
    }

    /**
     * Registers the permit under a new number (of the year of its decision) and returns it; idempotent per case:
     * a case that has a permit gets that one back, nothing is written.
     */
    /** The register's JdbcTemplate (the case counters share its DataSource and transaction). */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public Permit register(Permit permit) {
        Optional<Permit> existing = forCase(permit.caseReference());
        if (existing.isPresent()) {
            return existing.get();
        }
        Permit numbered = permit.numbered(counters.nextPermitNumber(permit.decidedAt().getYear()));
        Permit.Holder h = numbered.holder();
        jdbc.update("INSERT INTO permit (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?)",
                numbered.number(), numbered.caseReference(), numbered.applicationId(), numbered.applicantPartner(),
                numbered.category(), h.surname(), h.givenNames(), h.birthDate(), h.citizenship(),
                h.travelDocumentKind(), h.travelDocumentNumber(), h.travelDocumentIssuingState(),
                numbered.employer().bin(), numbered.employer().name(), numbered.professionIsco(),
                numbered.jobTitle(), numbered.sector(), String.join(" ", numbered.regions()), numbered.validFrom(),
                numbered.validTo(), numbered.mentoredTrainees(), numbered.decidedAt());
        for (String region : numbered.regions()) {
            jdbc.update("INSERT INTO permit_region (permit_number, region) VALUES (?, ?)", numbered.number(), region);
        }
        return numbered;
    }

    public Optional<Permit> find(String number) {
        return jdbc.query("SELECT " + COLUMNS + " FROM permit WHERE permit_number = ?", PermitRegister::row, number)
                .stream().findFirst();
    }

    public Optional<Permit> forCase(String caseReference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM permit WHERE case_reference = ?", PermitRegister::row,
                caseReference).stream().findFirst();
    }

    /** The permits of the holder of this travel document (number AND issuing state), latest validity first. */
    public List<Permit> forTravelDocument(String number, String issuingState) {
        return jdbc.query("SELECT " + COLUMNS + " FROM permit WHERE travel_document_number = ?"
                        + " AND travel_document_state = ? ORDER BY valid_to DESC, permit_number DESC",
                PermitRegister::row, number, issuingState);
    }

    /** Newest decision first, by the holder's travel document and/or the applicant partner, paged. */
    public PermitPage list(PermitQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.travelDocumentNumber() != null) {
            where.append(" AND travel_document_number = ?");
            args.add(query.travelDocumentNumber());
        }
        if (query.applicantPartner() != null) {
            where.append(" AND applicant_partner = ?");
            args.add(query.applicantPartner());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM permit" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(query.size());
        paged.add((long) query.page() * query.size());
        List<Permit> items = jdbc.query("SELECT " + COLUMNS + " FROM permit" + where
                + " ORDER BY decided_at DESC, permit_number DESC LIMIT ? OFFSET ?", PermitRegister::row, paged.toArray());
        return new PermitPage(items, total == null ? 0 : total, query.page(), query.size());
    }

    private static Permit row(ResultSet rs, int n) throws SQLException {
        Permit.Holder holder = new Permit.Holder(rs.getString("holder_surname"), rs.getString("holder_given_names"),
                rs.getObject("holder_birth_date", java.time.LocalDate.class), rs.getString("holder_citizenship"),
                rs.getString("travel_document_kind"), rs.getString("travel_document_number"),
                rs.getString("travel_document_state"));
        int trainees = rs.getInt("mentored_trainees");
        Integer mentored = rs.wasNull() ? null : trainees;
        return new Permit(rs.getString("permit_number"), rs.getString("case_reference"),
                rs.getString("application_id"), rs.getString("applicant_partner"), rs.getString("category"), holder,
                new Permit.Employer(rs.getString("employer_bin"), rs.getString("employer_name")),
                rs.getString("profession_isco"), rs.getString("job_title"), rs.getString("sector"),
                Arrays.asList(rs.getString("regions").split(" ")),
                rs.getObject("valid_from", java.time.LocalDate.class), rs.getObject("valid_to", java.time.LocalDate.class),
                mentored, rs.getObject("decided_at", OffsetDateTime.class));
    }
}
