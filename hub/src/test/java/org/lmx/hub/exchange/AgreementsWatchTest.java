package org.lmx.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.ReloadReport;
import org.lmx.routes.agreements.TestPki;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two nodes on one registry: an agency that an operator's reload on node A added is announced on node B. */
class AgreementsWatchTest {

    @TempDir
    Path root;

    @Test
    void anAgencyAddedOnAnotherNodeIsAnnouncedHereOnceAndOnlyAfterTheStartsOwnReload() throws Exception {
        JdbcTemplate database = RegistryDatabase.fresh();
        Path onA = Files.createDirectories(root.resolve("a"));
        Path onB = Files.createDirectories(root.resolve("b"));
        AgreementRegistry nodeA = new AgreementRegistry(database, onA, TestPki.dir(), Clock.systemUTC());
        AgreementRegistry nodeB = new AgreementRegistry(database, onB, TestPki.dir(), Clock.systemUTC());
        List<Object> announced = new ArrayList<>();
        AgreementsWatch watchOnB = new AgreementsWatch(nodeB, announced::add);

        assertThat(watchOnB.check()).as("before node B's start announced its agreements").isFalse();
        watchOnB.seen(new AgreementsChanged(nodeB.reload("system (start)")));
        assertThat(watchOnB.check()).as("nothing changed").isFalse();

        AgreementFiles.write(onA, AgreementFiles.MIA, AgreementFiles.example(AgreementFiles.MIA));
        ReloadReport onNodeA = nodeA.reload("operator");
        assertThat(onNodeA.refused()).isEmpty();

        assertThat(watchOnB.check()).isTrue();
        assertThat(announced).hasSize(1).first().isInstanceOf(AgreementsChanged.class);
        // what AgencyAccess does with it: the event makes node B know the agency, so it is announced once
        watchOnB.seen((AgreementsChanged) announced.get(0));
        assertThat(watchOnB.check()).isFalse();
        assertThat(announced).hasSize(1);
    }
}
