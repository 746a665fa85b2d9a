package org.lmx.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.lmx.bench.keys.BenchKey;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;

/**
 * A hub in its own JVM on a fresh data directory with embedded defaults (H2 with WRITE_DELAY=0, the embedded
 * broker): the data directory is prepared before the first start, as the hub itself would prepare it, but with
 * the partner's and the hub's keys of the kinds asked for and the demo agreements' CRL URLs on the chosen port.
 */
final class HubProcess implements AutoCloseable {

    private static final String DEMO_AGREEMENTS = "BOOT-INF/classes/demo/agreements/";

    private final List<String> command;
    private final Path log;
    private final URI url;
    private final int amqpPort;
    private Process process;

    private HubProcess(List<String> command, Path log, URI url, int amqpPort) {
        this.command = List.copyOf(command);
        this.log = log;
        this.url = url;
        this.amqpPort = amqpPort;
    }

    URI url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    int amqpPort() {
        return amqpPort;
    }

    /** Prepares {@code dataDir} (which must not exist yet), starts the hub and waits until it serves. */
    static HubProcess start(Path hubJar, Path dataDir, String partner, BenchKey partnerKey, BenchKey receiptKey,
                            List<String> jvmArgs) throws IOException, PkiException, InterruptedException {
        if (!Files.isRegularFile(hubJar)) {
            throw new IllegalArgumentException(hubJar + " is not the hub's jar: build it first (mvn -B -q package -DskipTests -pl hub -am)");
        }
        if (Files.exists(dataDir)) {
            throw new IllegalArgumentException(dataDir + " exists already: the load runs on a fresh data directory");
        }
        int port = freePort();
        int amqp = freePort();
        int core = freePort();
        URI crlUrl = URI.create("http://localhost:" + port + "/pki/crl/hub-ca.crl");
        PkiDirectory pki = PkiDirectory.init(dataDir.resolve("pki"), crlUrl, false);
        pki.issue("KAZ:MLSP", receiptKey.algorithm(), PkiDirectory.DEFAULT_CERTIFICATE_VALIDITY);
        pki.issue(partner, partnerKey.algorithm(), PkiDirectory.DEFAULT_CERTIFICATE_VALIDITY);
        writeDemoAgreements(hubJar, dataDir.resolve("agreements"), port);

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", hubJar.toString(), "serve",
                "--lmx.data-dir=" + dataDir, "--server.port=" + port, "--server.address=127.0.0.1",
                "--lmx.broker.amqp-port=" + amqp, "--lmx.broker.core-port=" + core, "--lmx.crl-url=" + crlUrl));
        HubProcess hub = new HubProcess(command, dataDir.resolve("hub.log"), URI.create("http://127.0.0.1:" + port), amqp);
        hub.launch();
        return hub;
    }

    /** Stops the hub, lets {@code whileStopped} work on its data directory, and starts it again. */
    void restart(Callable<Void> whileStopped) throws Exception {
        close();
        whileStopped.call();
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            awaitServing(Duration.ofMinutes(6), log);
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** The demo agreements the hub installs on a first start, with their CRL URLs on this hub's port. */
    private static void writeDemoAgreements(Path hubJar, Path target, int port) throws IOException {
        Files.createDirectories(target);
        try (ZipFile jar = new ZipFile(hubJar.toFile())) {
            Enumeration<? extends ZipEntry> entries = jar.entries();
            int written = 0;
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(DEMO_AGREEMENTS) && name.endsWith(".xml")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                .replace("http://localhost:8080/", "http://localhost:" + port + "/");
                        Files.writeString(target.resolve(name.substring(DEMO_AGREEMENTS.length())), xml);
                        written++;
                    }
                }
            }
            if (written == 0) {
                throw new IllegalStateException(hubJar + " holds no demo agreements under " + DEMO_AGREEMENTS);
            }
        }
    }

    private void awaitServing(Duration limit, Path log) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest wsdl = HttpRequest.newBuilder(url.resolve("/services/exchange?wsdl")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the hub exited with " + process.exitValue() + " before serving; see " + log);
            }
            try {
                if (client.send(wsdl, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling a starting process, not waiting on work of our own
        }
        throw new IllegalStateException("the hub did not serve within " + limit + "; see " + log);
    }

    /** A free port below Linux's ephemeral range (a port from that range can be taken before the hub binds it). */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 30000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IOException("no free port found between 20000 and 30000");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

}
