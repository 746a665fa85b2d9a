package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.lmx.hub.postgres.TestPostgres;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link WorkPermitIT}'s end to end (inherited, unchanged) with the hub on the {@code postgres} profile and a real
 * PostgreSQL 17 (embedded, started by the test): the exchange's tables from the same Flyway migrations, Camunda's from
 * its own schema creation. It runs in a failsafe execution of its own ({@code postgres}, see the hub's pom), because
 * the hub that HubIT classes share is one per JVM and this one must be the PostgreSQL one; elsewhere it is skipped.
 */
@Tag("postgres-hub")
@ActiveProfiles("postgres")
// closed after the class, so that the hub stops before the JVM's exit stops the database under it
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EnabledIfSystemProperty(named = "lmx.it.postgres", matches = "true")
class PostgresWorkPermitIT extends WorkPermitIT {

    private static String database;

    @Autowired
    ProcessEngine engine;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", PostgresWorkPermitIT::database);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
    }

    private static synchronized String database() {
        if (database == null) {
            database = TestPostgres.newDatabase();
        }
        return database;
    }

    @Test
    void theHubRunsOnPostgresqlWithDurableCommitsAndAJobLockShortEnoughForFailover() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 17");
        assertThat(jdbc.queryForObject("SELECT current_database()", String.class)).isEqualTo(database.substring(
                database.lastIndexOf('/') + 1));
        // on every connection of the hub's pool (connection-init-sql), whatever the server's default
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success", Integer.class))
                .isGreaterThanOrEqualTo(11);
        // Camunda's own tables, in the same database
        assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'startup.lock'", String.class))
                .isNotNull();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDatabaseType()).isEqualTo("postgres");
        assertThat(configuration.getJobExecutor().getLockTimeInMillis()).isEqualTo(30_000);
    }
}
