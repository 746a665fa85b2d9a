package org.lmx.processes.vetting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register of vetted contracts (table {@code contract_register}, V12), written in the verdict's transaction.
 * Searchable by citizen (IIN or travel document number), which is how consular cases find the contract of the
 * citizen they concern.
 */
public class ContractRegister {

    private static final String COLUMNS = "case_reference, registration_id, registration_reference, conversation_id,"
            + " sender, citizen_iin, travel_document_number, travel_document_state, citizen_surname,"
            + " citizen_given_names, host_country, employer_name, employer_registration, contract_from, contract_to,"
            + " verdict, flags, decided_by, country_pack, vetted_at";

    private final JdbcTemplate jdbc;

    public ContractRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Writes the verdict once per case: a step that runs again after a failure finds its row and changes nothing. */
    public void record(VettedContract c) {
        if (find(c.caseReference()).isPresent()) {
            return;
        }
        jdbc.update("INSERT INTO contract_register (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)",
                c.caseReference(), c.registrationId(), c.registrationReference(), c.conversationId(), c.sender(),
                c.citizenIin(), c.travelDocumentNumber(), c.travelDocumentState(), c.surname(), c.givenNames(),
                c.hostCountry(), c.employerName(), c.employerRegistration(), c.contractFrom(), c.contractTo(),
                c.verdict(), c.flags(), c.decidedBy(), c.countryPack(),
                c.vettedAt().withOffsetSameInstant(ZoneOffset.UTC));
    }

    public Optional<VettedContract> find(String caseReference) {
        return jdbc.query("SELECT " + COLUMNS + " FROM contract_register WHERE case_reference = ?",
                ContractRegister::row, caseReference).stream().findFirst();
    }

    /** A citizen's vetted contracts, newest first: {@code citizen} is an IIN or a travel document number. */
    public List<VettedContract> listByCitizen(String citizen) {
        return jdbc.query("SELECT " + COLUMNS + " FROM contract_register WHERE citizen_iin = ?"
                + " OR travel_document_number = ? ORDER BY vetted_at DESC, case_reference DESC",
                ContractRegister::row, citizen, citizen);
    }

    private static VettedContract row(ResultSet rs, int n) throws SQLException {
        return new VettedContract(rs.getString("case_reference"), rs.getString("registration_id"),
                rs.getString("registration_reference"), rs.getString("conversation_id"), rs.getString("sender"),
                rs.getString("citizen_iin"), rs.getString("travel_document_number"),
                rs.getString("travel_document_state"), rs.getString("citizen_surname"),
                rs.getString("citizen_given_names"), rs.getString("host_country"), rs.getString("employer_name"),
                rs.getString("employer_registration"), rs.getObject("contract_from", java.time.LocalDate.class),
                rs.getObject("contract_to", java.time.LocalDate.class), rs.getString("verdict"),
                rs.getString("flags"), rs.getString("decided_by"), rs.getString("country_pack"),
                rs.getObject("vetted_at", OffsetDateTime.class));
    }
}
