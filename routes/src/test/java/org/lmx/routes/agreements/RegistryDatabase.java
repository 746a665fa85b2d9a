package org.lmx.routes.agreements;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/** A fresh in-memory H2 database per test, migrated by Flyway from the module's own scripts. */
public final class RegistryDatabase {

    private RegistryDatabase() {
    }

    /** A migrated database with what the message log needs beside the JdbcTemplate: its DataSource's transactions. */
    public record Database(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions)
            implements AutoCloseable {

        /** Drops the in-memory database (it would otherwise live as long as the JVM) and closes a pool. */
        @Override
        public void close() {
            jdbc.execute("SHUTDOWN");
            if (dataSource instanceof JdbcConnectionPool pool) {
                pool.dispose();
            }
        }
    }

    public static JdbcTemplate fresh() {
        return database().jdbc();
    }

    /** One connection per use, as the registry tests always had it. */
    public static Database database() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(freshUrl(""));
        dataSource.setUser("sa");
        return migrated(dataSource);
    }

    /**
     * Pooled connections for tests with many threads; they wait for each other's row locks (the chain's head) up
     * to 20 s instead of H2's default of 1 s.
     */
    public static Database pooled(int maxConnections) {
        JdbcConnectionPool pool = JdbcConnectionPool.create(freshUrl(";LOCK_TIMEOUT=20000"), "sa", "");
        pool.setMaxConnections(maxConnections);
        return migrated(pool);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    // DB_CLOSE_DELAY=-1: the database lives until SHUTDOWN, not as long as one connection
    private static String freshUrl(String options) {
        return "jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + options;
    }

    private static Database migrated(DataSource dataSource) {
        migrate(dataSource);
        return new Database(dataSource, new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource));
    }
}
