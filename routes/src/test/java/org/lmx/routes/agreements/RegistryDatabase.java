package org.lmx.routes.agreements;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh in-memory H2 database per test, migrated by Flyway from the module's own scripts. */
public final class RegistryDatabase {

    private RegistryDatabase() {
    }

    public static JdbcTemplate fresh() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // DB_CLOSE_DELAY=-1: the database lives as long as the JVM, not as long as one connection
        dataSource.setURL("jdbc:h2:mem:registry-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        migrate(dataSource);
        return new JdbcTemplate(dataSource);
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
