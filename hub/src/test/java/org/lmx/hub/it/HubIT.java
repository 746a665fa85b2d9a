package org.lmx.hub.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lmx.hub.HubApplication;
import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of the hub's integration tests: one real hub (HTTP on a random loopback port, H2 file database,
 * development PKI and demo agreements in a fresh data directory), started once and shared by every IT class.
 */
@SpringBootTest(classes = HubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class HubIT {

    static final Path DATA_DIR = newDataDir();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        registry.add("lmx.data-dir", DATA_DIR::toString);
        // the broker's acceptors on free ports, so that ITs never meet a broker already running here
        registry.add("lmx.broker.core-port", () -> 0);
        registry.add("lmx.broker.amqp-port", () -> 0);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** The admin API as the development user {@code operator}, with the password the hub generated. */
    TestRestTemplate asOperator() {
        return rest.withBasicAuth(DevelopmentCredentials.OPERATOR, credentials().operatorPassword());
    }

    /** The admin API as the development user {@code auditor}. */
    TestRestTemplate asAuditor() {
        return rest.withBasicAuth(DevelopmentCredentials.AUDITOR, credentials().auditorPassword());
    }

    static DevelopmentCredentials credentials() {
        return DevelopmentCredentials.read(DATA_DIR.resolve(DevelopmentCredentials.FILE));
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory(Path.of("target"), "it-data-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
