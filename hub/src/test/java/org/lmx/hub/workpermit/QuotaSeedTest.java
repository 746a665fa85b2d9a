package org.lmx.hub.workpermit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.hub.config.LmxProperties.Quota;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.routes.agreements.RegistryDatabase;

/** The quota ledger seeded from lmx.work-permit.quotas: once per line, never over places already taken. */
class QuotaSeedTest {

    private RegistryDatabase.Database db;
    private QuotaLedger ledger;

    @BeforeEach
    void ledger() {
        db = RegistryDatabase.database(); // every migration of the hub's classpath, the ledger's V7 among them
        ledger = new QuotaLedger(db.jdbc(), db.transactions());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachConfiguredLineIsCreatedOnceAndARestartKeepsThePlacesTaken() {
        List<Quota> quotas = List.of(new Quota(2027, "F", "KZ-23", 120), new Quota(2027, "F", "KZ-47", 80));

        assertThat(QuotaSeed.apply(quotas, ledger)).containsExactly("2027 F KZ-23: 120 places", "2027 F KZ-47: 80 places");
        assertThat(ledger.reserve("WP-2027-000001", 2027, "F", List.of("KZ-23", "KZ-47"), "KOR:MOEL", Map.of())
                .reserved()).isTrue();

        assertThat(QuotaSeed.apply(quotas, ledger)).isEmpty();
        assertThat(QuotaSeed.apply(List.of(new Quota(2027, "F", "KZ-23", 500)), ledger)).isEmpty();
        assertThat(ledger.remaining(2027, "F", "KZ-23")).isEqualTo(119);
        assertThat(ledger.remaining(2027, "F", "KZ-47")).isEqualTo(79);
    }

    @Test
    void aLineThatNamesNoSectorOrRegionOfTheContractStopsTheStart() {
        assertThatThrownBy(() -> QuotaSeed.apply(List.of(new Quota(2027, "Construction", "KZ-23", 1)), ledger))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Construction");
        assertThatThrownBy(() -> QuotaSeed.apply(List.of(new Quota(2027, "F", "KZ-99", 1)), ledger))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KZ-99");
        assertThatThrownBy(() -> QuotaSeed.apply(List.of(new Quota(27, "F", "KZ-23", 1)), ledger))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("year");
        assertThatThrownBy(() -> QuotaSeed.apply(List.of(new Quota(2027, "F", "KZ-23", -1)), ledger))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("places");
        assertThat(ledger.remaining(2027, "F", "KZ-23")).isZero();
    }
}
