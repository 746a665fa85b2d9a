package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code lmx log verify} offline on a data directory laid out as the hub's (DIR/db/lmx), with three inbound
 * entries logged by the real MessageLog, then one byte changed in one place at a time; and through a hub, whose
 * answer here comes from a stub on loopback.
 */
class LogVerifyCommandTest {

    @TempDir
    Path dataDir;

    @RegisterExtension
    final Console console = new Console();

    /** MessageIds by seq (index 0 is entry 1); entry 2 carries the attachment. */
    private final List<String> messageIds = new ArrayList<>();
    private String attachmentSha256;
    private HttpServer stub;

    @BeforeEach
    void aStoppedHubsDataDirectory() throws Exception {
        Files.createDirectories(dataDir.resolve("db"));
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url(), "sa", "", true);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            MessageLog log = new MessageLog(jdbc, new DataSourceTransactionManager(dataSource), Clock.systemUTC());
            byte[] attachment = "%PDF-1.7 contract".getBytes(StandardCharsets.US_ASCII);
            attachmentSha256 = Sha256.hex(attachment);
            for (int i = 1; i <= 3; i++) {
                String id = UUID.randomUUID().toString();
                messageIds.add(id);
                List<LoggedAttachment> attachments = i == 2
                        ? List.of(new LoggedAttachment("contract", "contract.pdf", "application/pdf", attachment.length, attachmentSha256))
                        : List.of();
                log.append(message(id, ("<ExchangeMessage>" + i + "</ExchangeMessage>").getBytes(StandardCharsets.UTF_8),
                        ("<Receipt>" + i + "</Receipt>").getBytes(StandardCharsets.UTF_8), attachments,
                        i == 2 ? Map.of(attachmentSha256, attachment) : Map.of()));
            }
        } finally {
            dataSource.destroy();
        }
        console.reset(); // Flyway's report is not the command's
    }

    @AfterEach
    void stopStub() {
        if (stub != null) {
            stub.stop(0);
        }
    }

    @Test
    void anUntouchedLogIsIntact() {
        assertThat(LmxCommand.run("log", "verify", "--data-dir", dataDir.toString())).isZero();
        // 3 bodies, 3 receipts, 1 attachment
        assertThat(console.out()).startsWith("INTACT: 3 entries, 7 stored bodies");
    }

    @Test
    void oneByteOfAnEntrysMetadata() throws Exception {
        sql("UPDATE message_log SET from_party = 'KOR:MOEM' WHERE seq = 2");
        assertBrokenAtEntry2("its metadata does not match its hash");
    }

    @Test
    void oneByteOfAnEntrysBody() throws Exception {
        flipAByte("SELECT body FROM message_log WHERE seq = 2", "UPDATE message_log SET body = ? WHERE seq = 2");
        assertBrokenAtEntry2("its stored body does not match its digest");
    }

    @Test
    void oneByteOfAnAttachmentsContent() throws Exception {
        flipAByte("SELECT content FROM attachment_content WHERE sha256 = '" + attachmentSha256 + "'",
                "UPDATE attachment_content SET content = ? WHERE sha256 = '" + attachmentSha256 + "'");
        assertBrokenAtEntry2("the stored content of its attachment contract does not match its digest");
    }

    @Test
    void aWrongDirectoryIsNotTurnedIntoAnEmptyDatabase() throws Exception {
        Path elsewhere = Files.createDirectories(dataDir.resolve("not-a-data-dir"));
        assertThat(LmxCommand.run("log", "verify", "--data-dir", elsewhere.toString())).isEqualTo(1);
        assertThat(console.err()).contains("ERROR    no hub database").contains("--data-dir");
        try (var files = Files.walk(elsewhere)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aDatabaseInUseByARunningHubIsNamedAsSuch() throws Exception {
        // another process holds the database open, as the running hub does
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DatabaseHolder.class.getName(), url())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo(DatabaseHolder.OPEN);
            assertThat(LmxCommand.run("log", "verify", "--data-dir", dataDir.toString())).isEqualTo(1);
            assertThat(console.err()).contains("is in use, the hub is running: verify through it with --hub URL");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void throughAHubWithTheDevelopmentCredentials() throws Exception {
        Files.writeString(dataDir.resolve("credentials.properties"), "operator.password=op-secret\nauditor.password=au-secret\n");
        AtomicReference<String> authorization = new AtomicReference<>();
        AtomicReference<String> answer = new AtomicReference<>();
        AtomicReference<Integer> status = new AtomicReference<>();
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.createContext("/api/log/verify", exchange -> {
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
        String hub = "http://127.0.0.1:" + stub.getAddress().getPort() + "/";

        status.set(200);
        answer.set("{\"entriesVerified\":3,\"contentsVerified\":7,\"headHash\":\"" + "ab".repeat(32) + "\",\"firstBreak\":null}");
        assertThat(LmxCommand.run("log", "verify", "--hub", hub, "--data-dir", dataDir.toString())).isZero();
        assertThat(console.out()).contains("INTACT: 3 entries, 7 stored").contains("ab".repeat(32));
        assertThat(authorization.get()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "auditor:au-secret".getBytes(StandardCharsets.UTF_8)));

        console.reset();
        status.set(409);
        answer.set("{\"entriesVerified\":1,\"contentsVerified\":3,\"headHash\":null,\"firstBreak\":{\"seq\":2,"
                + "\"messageId\":\"" + messageIds.get(1) + "\",\"problem\":\"its stored body does not match its digest\"}}");
        assertThat(LmxCommand.run("log", "verify", "--hub", hub, "--user", "operator", "--data-dir", dataDir.toString()))
                .isEqualTo(2);
        assertThat(console.out()).contains("BROKEN at entry 2 (MessageId " + messageIds.get(1) + ")");
        assertThat(authorization.get()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                "operator:op-secret".getBytes(StandardCharsets.UTF_8)));

        console.reset();
        status.set(401);
        answer.set("");
        assertThat(LmxCommand.run("log", "verify", "--hub", hub, "--user", "auditor", "--password", "wrong")).isEqualTo(1);
        assertThat(console.err()).contains("ERROR    the hub refused the login of auditor (HTTP 401)");
    }

    @Test
    void aHubThatIsNotThereIsOneLine() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        assertThat(LmxCommand.run("log", "verify", "--hub", "http://127.0.0.1:" + port, "--password", "x")).isEqualTo(1);
        assertThat(console.err()).startsWith("ERROR    cannot reach the hub at http://127.0.0.1:" + port + "/api/log/verify");
        assertThat(console.err().lines()).hasSize(1);
    }

    @Test
    void noCredentialsAndUsageErrorsAreExitCode1NotBroken() {
        assertThat(LmxCommand.run("log", "verify", "--hub", "http://127.0.0.1:9", "--data-dir", dataDir.toString())).isEqualTo(1);
        assertThat(console.err()).startsWith("ERROR    no " + dataDir.resolve("credentials.properties")
                + " to read the password of auditor from: give --password");
        assertThat(LmxCommand.run("log", "verify", "--no-such-option")).isEqualTo(1);
    }

    private void assertBrokenAtEntry2(String problem) {
        assertThat(LmxCommand.run("log", "verify", "--data-dir", dataDir.toString())).isEqualTo(2);
        assertThat(console.out()).contains("BROKEN at entry 2 (MessageId " + messageIds.get(1) + "): " + problem)
                .contains("1 entries before it hold");
    }

    private String url() {
        return "jdbc:h2:file:" + dataDir.resolve("db").resolve("lmx").toAbsolutePath();
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            assertThat(c.createStatement().executeUpdate(statement)).isEqualTo(1);
        }
    }

    private void flipAByte(String select, String update) throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
            var rs = c.createStatement().executeQuery(select);
            assertThat(rs.next()).isTrue();
            byte[] bytes = rs.getBytes(1);
            bytes[bytes.length / 2] ^= 0x01;
            var write = c.prepareStatement(update);
            write.setBytes(1, bytes);
            assertThat(write.executeUpdate()).isEqualTo(1);
        }
    }

    private static NewMessage message(String id, byte[] body, byte[] receipt, List<LoggedAttachment> attachments,
                                      Map<String, byte[]> contents) {
        LogEntry entry = new LogEntry(0, id, Direction.INBOUND, UUID.randomUUID().toString(), null, "AGR-KOR-MOEL",
                "KOR:MOEL", "KAZ:MLSP", "Ping", "2026-11-24T10:15:00+09:00", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Sha256.hex(body), body.length, Sha256.hex(receipt), attachments);
        return new NewMessage(entry, body, receipt, contents, MessageState.ACCEPTED, "received", true);
    }

    /** Holds an H2 database open in its own process until its standard input closes. */
    public static final class DatabaseHolder {

        static final String OPEN = "open";

        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(args[0], "sa", "")) {
                c.createStatement().executeQuery("SELECT COUNT(*) FROM message_log").close();
                System.out.println(OPEN);
                System.out.flush();
                System.in.readAllBytes();
            }
        }
    }
}
