package org.lmx.processes.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.TestDatabase;

/** The contract register on its own: written once per case, read back as written, searched by citizen. */
class ContractRegisterTest {

    static final TestDatabase DATABASE = TestDatabase.fresh();
    final ContractRegister register = new ContractRegister(DATABASE.jdbc());

    @BeforeEach
    void empty() {
        DATABASE.jdbc().update("DELETE FROM contract_register");
    }

    @AfterAll
    static void close() {
        DATABASE.close();
    }

    static VettedContract nurse(String caseReference, String verdict, String vettedAt) {
        return new VettedContract(caseReference, "0f7b826d-3ceb-4ade-a711-" + caseReference.substring(11) + "00000",
                "ZAV-PF-2026-004117", "64bffbb9-be5f-49d3-82be-46bee573fe04", "DEU:BMAS", "940317401866",
                "N12873346", "KAZ", "ZHUMABEKOVA", "AIGERIM", "DEU", "Kliniken Rheinaue gGmbH",
                "HRB 19482, Amtsgericht Bonn", LocalDate.parse("2027-02-01"), LocalDate.parse("2029-01-31"), verdict,
                "RECRUITMENT_FEE_CHARGED", "consul.dana", "INFO-DEU-v1", OffsetDateTime.parse(vettedAt));
    }

    @Test
    void aVerdictIsReadBackAsWrittenAndWrittenOnlyOnce() {
        VettedContract first = nurse("CV-2026-0001", "APPROVED_WITH_ADVICE", "2026-11-19T11:37:54+05:00");

        register.record(first);
        register.record(nurse("CV-2026-0001", "REJECTED", "2026-11-20T10:00:00+05:00"));

        VettedContract read = register.find("CV-2026-0001").orElseThrow();
        assertThat(read.verdict()).isEqualTo("APPROVED_WITH_ADVICE");
        assertThat(read.vettedAt().toInstant()).isEqualTo(first.vettedAt().toInstant());
        assertThat(read).usingRecursiveComparison().ignoringFields("vettedAt").isEqualTo(first);
        assertThat(register.find("CV-2026-0002")).isEmpty();
    }

    @Test
    void theNursesContractsAreFoundByIinOrPassportNewestFirst() {
        register.record(nurse("CV-2026-0001", "REJECTED", "2026-11-19T11:37:54+05:00"));
        register.record(nurse("CV-2026-0002", "APPROVED", "2026-12-02T09:00:00+05:00"));

        assertThat(register.listByCitizen("940317401866")).extracting(VettedContract::caseReference)
                .containsExactly("CV-2026-0002", "CV-2026-0001");
        assertThat(register.listByCitizen("N12873346")).hasSize(2);
        assertThat(register.listByCitizen("ZHUMABEKOVA")).isEmpty();
    }
}
