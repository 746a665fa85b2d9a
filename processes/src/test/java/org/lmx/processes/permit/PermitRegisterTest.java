package org.lmx.processes.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lmx.processes.testing.TestDatabase;

/** The permit register: numbers per year, one permit per case, look-ups by number, travel document and partner. */
class PermitRegisterTest {

    private final TestDatabase database = TestDatabase.fresh();
    private final PermitRegister register = new PermitRegister(database.jdbc());

    @AfterEach
    void close() {
        database.close();
    }

    static Permit permit(String caseReference, String passport, String partner, Integer trainees, String decidedAt) {
        return new Permit(null, caseReference, "22df7e92-647a-4802-a4f8-35025d6957af", partner, "STANDARD",
                new Permit.Holder("PARK", "JIHOON", LocalDate.of(1986, 7, 21), "KOR", "PASSPORT", passport, "KOR"),
                new Permit.Employer("120540017383", "Haneul Plant Kazakhstan LLP"), "7212", "Pipeline welder", "F",
                List.of("KZ-23", "KZ-47"), LocalDate.of(2026, 3, 1), LocalDate.of(2027, 2, 28), trainees,
                OffsetDateTime.parse(decidedAt));
    }

    @Test
    void permitsAreNumberedPerYearOfDecisionAndKeptWithEveryField() {
        Permit first = register.register(permit("WP-2026-000001", "M715B2046", "KOR:MOEL", 2, "2026-02-10T10:00:00+05:00"));
        Permit second = register.register(permit("WP-2026-000002", "M715B2047", "KOR:MOEL", null, "2026-02-11T10:00:00+05:00"));
        Permit nextYear = register.register(permit("WP-2026-000003", "M715B2048", "KOR:MOEL", null, "2027-01-05T10:00:00+05:00"));

        assertThat(first.number()).isEqualTo("KZ-WP-2026-000001");
        assertThat(second.number()).isEqualTo("KZ-WP-2026-000002");
        assertThat(nextYear.number()).isEqualTo("KZ-WP-2027-000001");
        Permit found = register.find("KZ-WP-2026-000001").orElseThrow();
        assertThat(found).usingRecursiveComparison().ignoringFields("decidedAt").isEqualTo(first);
        assertThat(found.decidedAt().toInstant()).isEqualTo(first.decidedAt().toInstant());
        assertThat(found.mentoredTrainees()).isEqualTo(2);
        assertThat(register.find("KZ-WP-2026-000002").orElseThrow().mentoredTrainees()).isNull();
        assertThat(database.jdbc().queryForList("SELECT region FROM permit_region WHERE permit_number = ?",
                String.class, first.number())).containsExactlyInAnyOrder("KZ-23", "KZ-47");
    }

    @Test
    void aCaseHasOnePermitWhateverHowOftenItIsRegistered() {
        Permit first = register.register(permit("WP-2026-000001", "M715B2046", "KOR:MOEL", null, "2026-02-10T10:00:00+05:00"));
        Permit again = register.register(permit("WP-2026-000001", "M715B2046", "KOR:MOEL", null, "2026-02-12T10:00:00+05:00"));

        assertThat(again.number()).isEqualTo(first.number());
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM permit", Integer.class)).isEqualTo(1);
    }

    @Test
    void listsByTravelDocumentAndPartnerNewestFirstInPages() {
        for (int i = 1; i <= 5; i++) {
            register.register(permit("WP-2026-00000" + i, i % 2 == 0 ? "N1234567" : "M715B2046",
                    i <= 3 ? "KOR:MOEL" : "UZB:MEHNAT", null, "2026-02-1" + i + "T10:00:00+05:00"));
        }

        PermitPage korea = register.list(new PermitQuery(null, "KOR:MOEL", 0, 2));
        assertThat(korea.total()).isEqualTo(3);
        assertThat(korea.items()).extracting(Permit::caseReference).containsExactly("WP-2026-000003", "WP-2026-000002");
        assertThat(register.list(new PermitQuery(null, "KOR:MOEL", 1, 2)).items()).extracting(Permit::caseReference)
                .containsExactly("WP-2026-000001");
        PermitPage passport = register.list(new PermitQuery("N1234567", null, 0, 10));
        assertThat(passport.items()).extracting(Permit::caseReference).containsExactly("WP-2026-000004", "WP-2026-000002");
        assertThat(register.list(new PermitQuery("N1234567", "UZB:MEHNAT", 0, 10)).total()).isEqualTo(1);
        assertThat(register.find("KZ-WP-2026-999999")).isEmpty();
        assertThatThrownBy(() -> new PermitQuery(null, null, 0, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
