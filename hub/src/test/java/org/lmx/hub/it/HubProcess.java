package org.lmx.hub.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The hub as an operator runs it: {@code java -jar target/lmx-hub.jar serve} in a JVM of its own, on a data directory
 * and on fixed loopback ports (HTTP and the broker's AMQP acceptor), so that a restart comes back where clients look
 * for it. Each start writes its output to a file of its own beside the data directory.
 */
final class HubProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "lmx-hub.jar").toAbsolutePath();

    final Path dataDir;
    final int httpPort;
    final int amqpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<String> settings;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private volatile Process process;
    private Path output;
    private int starts;

    /** @param settings more arguments of {@code serve}, e.g. {@code --lmx.simulators.enabled=true} */
    HubProcess(Path dataDir, int httpPort, int amqpPort, String... settings) {
        this.dataDir = dataDir;
        this.httpPort = httpPort;
        this.amqpPort = amqpPort;
        this.settings = List.of(settings);
    }

    /**
     * A loopback port free now (chosen up front, so that it stays the same across a restart). Taken below Linux's
     * ephemeral range (32768-60999): a port from that range may be handed to another socket (port 0, or the local end
     * of an outgoing connection) before this hub binds it, which made a start fail with "Port ... already in use".
     */
    static int freePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = 20_000 + ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port in 20000-31999"));
    }

    String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the hub is running already");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        output = dataDir.resolveSibling(dataDir.getFileName() + "-hub-" + (++starts) + ".log");
        List<String> command = new ArrayList<>(List.of(java, "-jar", JAR.toString(), "serve", "--lmx.data-dir=" + dataDir,
                "--server.port=" + httpPort, "--server.address=127.0.0.1", "--lmx.broker.amqp-port=" + amqpPort,
                "--lmx.broker.core-port=0"));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Environment variables of the next starts (e.g. LMX_DATA_KEY); replaces those set before. */
    HubProcess environment(java.util.Map<String, String> variables) {
        environment.clear();
        environment.putAll(variables);
        return this;
    }

    /** The output of the latest start (its log). */
    Path output() {
        return output;
    }

    /** Waits until the Exchange service's WSDL is served: its Camel routes, and so the hub's, have started. */
    void awaitReady(Duration atMost) {
        await("the hub on port " + httpPort + " serving (output: " + output + ")").dontCatchUncaughtExceptions()
                .atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the hub exited with " + process.exitValue() + "; see " + output);
                    }
                    return serving();
                });
    }

    private boolean serving() {
        try {
            HttpRequest wsdl = HttpRequest.newBuilder(URI.create(url("/services/exchange?wsdl")))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(wsdl, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until the hub's JVM ends by itself (a refusal to start) and returns its exit code. */
    int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the hub is still running after " + atMost + "; see " + output);
        }
        return process.exitValue();
    }

    /** Kills the hub's JVM abruptly (SIGKILL: no shutdown hook, nothing flushed) and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the killed hub is still alive");
        }
    }

    /** Stops the hub as an operator does (SIGTERM: a graceful shutdown). */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
