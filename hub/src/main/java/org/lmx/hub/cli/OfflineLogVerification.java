package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import org.h2.api.ErrorCode;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.lmx.hub.production.DataKeys;
import org.lmx.routes.log.MessageLog;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The log of a stopped hub, verified on its H2 database (DATA_DIR/db/lmx) opened read-only: a verifier must not
 * change what it verifies, so no migration runs and nothing is created when the directory is wrong.
 */
final class OfflineLogVerification {

    private OfflineLogVerification() {
    }

    static LogVerification verify(Path dataDir) throws CliFailure {
        Path database = dataDir.resolve("db").resolve("lmx").toAbsolutePath();
        if (!Files.exists(database.resolveSibling("lmx.mv.db"))) {
            throw new CliFailure("no hub database " + database + ".mv.db: give the hub's data directory with --data-dir");
        }
        // the hub's embedded defaults (application.yml): user sa, no password; read-only, and no trace file either
        String url = "jdbc:h2:file:" + database + ";IFEXISTS=TRUE;ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0";
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            // encrypted bodies are opened to check their digests: the data keys as the hub has them (LMX_DATA_KEY...)
            MessageLog log = new MessageLog(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC(),
                    DataKeys.fromEnvironment());
            return new LogVerifier(jdbc, log).verify();
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new CliFailure("the database " + database + " is in use, the hub is running: verify through it with --hub URL");
            }
            throw new CliFailure("cannot open the database " + database + ": " + firstLine(e.getMessage()));
        } catch (DataAccessException e) {
            throw new CliFailure("cannot read the message log in " + database + ": " + firstLine(e.getMostSpecificCause().getMessage()));
        }
    }

    /**
     * The log on any database the hub runs on (a restored PostgreSQL, say), through a read-only connection: the
     * database's own read-only transactions refuse any write, and no migration runs.
     */
    static LogVerification verify(String url, String user, String password) throws CliFailure {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.setReadOnly(true);
            SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            MessageLog log = new MessageLog(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
            return new LogVerifier(jdbc, log).verify();
        } catch (SQLException e) {
            throw new CliFailure("cannot open the database " + url + ": " + firstLine(e.getMessage()));
        } catch (DataAccessException e) {
            throw new CliFailure("cannot read the message log in " + url + ": " + firstLine(e.getMostSpecificCause().getMessage()));
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse(message);
    }
}
