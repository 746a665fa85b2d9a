package org.lmx.hub.workpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.ImportOutcome;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.TestPki;

/** The partners' quota shares as the agreements in force set them (the committed example agreements). */
class AgreementQuotaSharesTest {

    @TempDir
    Path agreements;

    private RegistryDatabase.Database db;
    private AgreementRegistry registry;
    private AgreementQuotaShares shares;

    @BeforeEach
    void importExamples() {
        db = RegistryDatabase.database();
        AgreementFiles.copyExamples(agreements);
        registry = new AgreementRegistry(db.jdbc(), agreements, TestPki.dir(), Clock.systemUTC());
        assertThat(registry.reload("test").refused()).isEmpty();
        shares = new AgreementQuotaShares(registry, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void uzbekistansAgreementSetsItsShareOfConstructionInAlmatyPerYear() {
        assertThat(shares.limit("UZB:MEHNAT", 2026, "F", "KZ-75")).hasValue(420);
        assertThat(shares.limit("UZB:MEHNAT", 2027, "F", "KZ-75")).hasValue(400);
        assertThat(shares.limit("UZB:MEHNAT", 2026, "A", "KZ-61")).hasValue(350);
    }

    @Test
    void aLineTheAgreementDoesNotNameOrAPartnerWithoutSharesHasNoShare() {
        assertThat(shares.limit("UZB:MEHNAT", 2026, "F", "KZ-23")).isEmpty();
        assertThat(shares.limit("UZB:MEHNAT", 2025, "F", "KZ-75")).isEmpty();
        assertThat(shares.limit("KOR:MOEL", 2026, "F", "KZ-75")).isEmpty();
        assertThat(shares.limit("XXX:NOBODY", 2026, "F", "KZ-75")).isEmpty();
    }

    @Test
    void uzbekistanIsThePartnerWithSharesAndItsQuotaNoticeCarriesItsSharesOfTheYear() {
        assertThat(shares.partners()).containsExactly("UZB:MEHNAT");
        assertThat(shares.sharesOf("UZB:MEHNAT", 2027)).extracting(Object::toString)
                .containsExactly("A KZ-61 380", "F KZ-75 400", "F KZ-79 280");
        assertThat(shares.sharesOf("UZB:MEHNAT", 2031)).isEmpty();
        assertThat(shares.sharesOf("KOR:MOEL", 2027)).isEmpty();
    }

    @Test
    void aPartnerWhoseAgreementIsSuspendedHearsOfNoQuota() {
        String suspended = AgreementFiles.withVersion(AgreementFiles.example(AgreementFiles.UZB), 4)
                .replace("<Status>ACTIVE</Status>", "<Status>SUSPENDED</Status>");
        AgreementFiles.write(agreements, AgreementFiles.UZB, suspended);
        assertThat(registry.reload("test").count(ImportOutcome.IMPORTED)).isEqualTo(1);

        assertThat(shares.partners()).isEmpty();
    }

    @Test
    void aNewVersionOfTheAgreementAppliesToTheNextReservationAtOnce() {
        String changed = AgreementFiles.withVersion(AgreementFiles.example(AgreementFiles.UZB), 4).replace(
                "<Share><Year>2026</Year><Sector>F</Sector><Region>KZ-75</Region><Limit>420</Limit></Share>",
                "<Share><Year>2026</Year><Sector>F</Sector><Region>KZ-75</Region><Limit>5</Limit></Share>");
        assertThat(changed).contains("<Limit>5</Limit>");
        AgreementFiles.write(agreements, AgreementFiles.UZB, changed);
        assertThat(registry.reload("test").count(ImportOutcome.IMPORTED)).isEqualTo(1);

        assertThat(shares.limit("UZB:MEHNAT", 2026, "F", "KZ-75")).hasValue(5);
    }
}
