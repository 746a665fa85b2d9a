package org.lmx.hub.it;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.Driver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/** A stopped hub's H2 database, read offline from its data directory (as application.yml names it). */
final class HubDatabase {

    private final JdbcTemplate jdbc;

    private HubDatabase(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static HubDatabase open(Path dataDir) {
        return new HubDatabase(new JdbcTemplate(new SimpleDriverDataSource(new Driver(),
                "jdbc:h2:file:" + dataDir.resolve("db/lmx"), "sa", "")));
    }

    /** Every logged message's states, oldest first, by MessageId. */
    Map<String, List<String>> histories() {
        Map<String, List<String>> histories = new LinkedHashMap<>();
        jdbc.query("SELECT message_id, state FROM message_event ORDER BY id", rs -> {
            histories.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getString(2));
        });
        return histories;
    }

    long count(String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
