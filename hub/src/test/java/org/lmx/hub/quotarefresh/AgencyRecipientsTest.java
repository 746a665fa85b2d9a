package org.lmx.hub.quotarefresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.ImportOutcome;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.TestPki;

/**
 * Whom the QuotaNotice goes to among the agencies: the configured ones and the akimats, as far as their agreements
 * are in force and allow it (the committed example agreements: KAZ:MIA allows QuotaNotice; there is no KAZ:BNS).
 */
class AgencyRecipientsTest {

    @TempDir
    Path agreements;

    private RegistryDatabase.Database db;
    private AgreementRegistry registry;

    @BeforeEach
    void importExamples() {
        db = RegistryDatabase.database();
        AgreementFiles.copyExamples(agreements);
        registry = new AgreementRegistry(db.jdbc(), agreements, TestPki.dir(), Clock.systemUTC());
        assertThat(registry.reload("test").refused()).isEmpty();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void thePoliceHearOfTheQuotaAndAnAgencyWithoutAnAgreementIsLeftOut() {
        assertThat(recipients(true).agencies()).containsExactly("KAZ:MIA");
    }

    @Test
    void almatysAkimatWithAnAgreementHearsOfItTooUnlessAkimatsAreTurnedOff() throws Exception {
        // the hub's demo agreement of Almaty city's akimat
        Files.copy(Path.of("src/main/resources/demo/agreements/queue-KAZ-AKIMAT-75.xml"),
                agreements.resolve("queue-KAZ-AKIMAT-75.xml"));
        var reload = registry.reload("test");
        assertThat(reload.refused()).isEmpty();
        assertThat(reload.count(ImportOutcome.IMPORTED)).isEqualTo(1);

        assertThat(recipients(true).agencies()).containsExactly("KAZ:MIA", "KAZ:AKIMAT-75");
        assertThat(recipients(false).agencies()).containsExactly("KAZ:MIA");
    }

    private AgencyRecipients recipients(boolean akimats) {
        return new AgencyRecipients(registry, new LmxProperties.QuotaRefresh("0 0 6 1 11 ?", ZoneId.of("Asia/Almaty"),
                List.of("KAZ:MIA", "KAZ:BNS"), akimats, null), Clock.systemUTC());
    }
}
