package org.lmx.hub.cli;

import ch.qos.logback.classic.Level;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** A throw-away in-memory database with the hub's schema, for commands that run the hub's own logic offline. */
final class ScratchDatabase {

    private ScratchDatabase() {
    }

    static JdbcTemplate create() {
        // the scratch database's migrations are not news to the person at the terminal
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.flywaydb")).setLevel(Level.WARN);
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:lmx-scratch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
