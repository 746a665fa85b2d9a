package org.lmx.processes.testing;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A fresh in-memory H2 database migrated by Flyway with the processes' own scripts (V7 onwards), pooled for tests with
 * threads; row locks wait up to 20 s (H2's default of 1 s is shorter than a busy test machine's pauses).
 */
public record TestDatabase(JdbcConnectionPool dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactions)
        implements AutoCloseable {

    public static TestDatabase fresh() {
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:processes-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000", "sa", "");
        pool.setMaxConnections(20);
        migrate(pool);
        return new TestDatabase(pool, new JdbcTemplate(pool), new DataSourceTransactionManager(pool));
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
        dataSource.dispose();
    }
}
