package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.lmx.hub.broker.ExternalBrokerSettings;
import org.lmx.hub.cli.LmxCommand;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import picocli.CommandLine;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A standalone Apache Artemis broker run as its own process on loopback, set up as an operator would: {@code artemis
 * create} from the distribution (org.apache.activemq:apache-artemis:zip:bin, unpacked by the build into
 * {@code target/artemis}), then lines added to its users and roles files and elements merged into its
 * {@code broker.xml}, then {@code artemis run}. The Core acceptor ({@code artemis}, every protocol) and the AMQP
 * acceptor listen on free loopback ports. Close it to stop the broker.
 */
final class StandaloneArtemis implements AutoCloseable {

    /** Set by the build (hub/pom.xml, Failsafe) to the unpacked distribution. */
    static final String HOME_PROPERTY = "lmx.it.artemis-home";
    private static final String CORE_NS = "urn:activemq:core";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path instance;
    private final int corePort;
    private final int amqpPort;
    private Process process;
    private Thread stopAtExit;

    private StandaloneArtemis(Path instance, int corePort, int amqpPort) {
        this.instance = instance;
        this.corePort = corePort;
        this.amqpPort = amqpPort;
    }

    /**
     * A broker beside the hub data directory {@code dataDir}, configured as the README's "An external broker" says:
     * the data directory prepared as a hub's first start would (PKI, demo agreements, credentials), {@code lmx broker
     * security} run on it, and its output given to the broker. The two slow steps ({@code artemis create} and the
     * data directory) run side by side. Not started: {@link #start()} or {@link #launch()}.
     */
    static StandaloneArtemis configuredFor(Path dataDir) throws Exception {
        Path instance = dataDir.resolveSibling(dataDir.getFileName() + "-artemis");
        CompletableFuture<StandaloneArtemis> created = CompletableFuture.supplyAsync(() -> {
            try {
                return create(instance);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        DataDirectory.prepare(new Binder(new MapConfigurationPropertySource(Map.of("lmx.data-dir", dataDir.toString())))
                .bindOrCreate("lmx", LmxProperties.class));
        String security = lmxBrokerSecurity(dataDir);
        StandaloneArtemis broker = created.get(90, TimeUnit.SECONDS);
        broker.configure(security);
        return broker;
    }

    private static String lmxBrokerSecurity(Path dataDir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new LmxCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("broker", "security", "--data-dir", dataDir.toString());
        assertThat(exit).as("lmx broker security: " + err).isZero();
        assertThat(err.toString()).as("no agreement refused").isEmpty();
        return out.toString();
    }

    /** {@code artemis create} in {@code instance} (login required, no web console, an admin with a random password). */
    static StandaloneArtemis create(Path instance) throws Exception {
        int core = freePort();
        int amqp = freePort();
        while (amqp == core) {
            amqp = freePort();
        }
        Path log = Files.createTempFile(instance.getParent(), "artemis-create-", ".log");
        Process create = command(home().resolve("bin/artemis"), "create", "--silent", "--force",
                "--user", "admin", "--password", UUID.randomUUID().toString(), "--require-login",
                "--no-web", "--host", "127.0.0.1", "--default-port", Integer.toString(core),
                "--no-autotune", "--no-fsync", "--java-memory", "512M",
                "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor", instance.toString())
                .redirectOutput(log.toFile()).start();
        if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
            create.destroyForcibly();
            throw new IllegalStateException("artemis create failed: " + Files.readString(log));
        }
        StandaloneArtemis broker = new StandaloneArtemis(instance, core, amqp);
        broker.moveAmqpAcceptor();
        return broker;
    }

    int corePort() {
        return corePort;
    }

    int amqpPort() {
        return amqpPort;
    }

    String coreUrl() {
        return "tcp://127.0.0.1:" + corePort;
    }

    Path instance() {
        return instance;
    }

    /** Applies the output of {@code lmx broker security}: each section to the file it names. */
    void configure(String lmxBrokerSecurity) throws Exception {
        Map<String, String> sections = sections(lmxBrokerSecurity);
        appendProperties(ExternalBrokerSettings.USERS, sections.get(ExternalBrokerSettings.USERS));
        appendProperties(ExternalBrokerSettings.ROLES, sections.get(ExternalBrokerSettings.ROLES));
        mergeIntoBrokerXml(sections.get(ExternalBrokerSettings.BROKER_XML));
    }

    /** Adds {@code key = value} lines to a properties file of the instance (a key already there is a mistake). */
    void appendProperties(String file, String lines) throws IOException {
        if (lines == null || lines.isBlank()) {
            throw new IllegalArgumentException("nothing to add to " + file);
        }
        Path path = instance.resolve(file);
        String existing = Files.readString(path);
        for (String line : lines.lines().filter(l -> l.contains("=") && !l.startsWith("#")).toList()) {
            String key = line.substring(0, line.indexOf('=')).strip();
            if (Pattern.compile("(?m)^" + Pattern.quote(key) + "\\s*=").matcher(existing).find()) {
                throw new IllegalStateException(key + " is already in " + path);
            }
        }
        Files.writeString(path, existing + (existing.endsWith("\n") ? "" : "\n") + lines, StandardCharsets.UTF_8);
    }

    /**
     * Adds the children of each element of {@code snippet} ({@code <security-settings>}, {@code <address-settings>},
     * {@code <addresses>}) to the element of the same name in broker.xml's {@code <core>}. A child for a match or
     * name that is there already is a mistake: settings of the same match do not add up, the later one wins.
     */
    void mergeIntoBrokerXml(String snippet) throws Exception {
        Path file = instance.resolve(ExternalBrokerSettings.BROKER_XML);
        DocumentBuilder builder = documentBuilder();
        Document broker = builder.parse(file.toFile());
        Element core = (Element) broker.getElementsByTagNameNS(CORE_NS, "core").item(0);
        Document added = builder.parse(new InputSource(new StringReader("<lmx xmlns=\"" + CORE_NS + "\">" + snippet + "</lmx>")));
        for (Element section : children(added.getDocumentElement())) {
            Element target = children(core).stream().filter(e -> e.getLocalName().equals(section.getLocalName()))
                    .findFirst().orElseGet(() -> (Element) core.appendChild(broker.createElementNS(CORE_NS, section.getLocalName())));
            for (Element child : children(section)) {
                String key = child.hasAttribute("match") ? child.getAttribute("match") : child.getAttribute("name");
                if (children(target).stream().anyMatch(e -> key.equals(e.getAttribute("match")) || key.equals(e.getAttribute("name")))) {
                    throw new IllegalStateException(section.getLocalName() + " has " + key + " already in " + file);
                }
                target.appendChild(broker.importNode(child, true));
            }
        }
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.transform(new DOMSource(broker), new StreamResult(file.toFile()));
    }

    /** {@code artemis run} as a child process; returns once both acceptors answer. */
    void start() throws IOException {
        launch();
        awaitListening();
    }

    /** {@code artemis run} as a child process, at once (its output in the instance's log/console.log). */
    void launch() throws IOException {
        Process started = command(instance.resolve("bin/artemis"), "run").redirectOutput(console().toFile()).start();
        process = started;
        // a test JVM that ends without close() (killed fork, timeout) must not leave a broker behind
        stopAtExit = new Thread(started::destroy, "stop-artemis");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Waits until both acceptors answer (fails at once if the broker exits). */
    void awaitListening() {
        await("Artemis listening on " + corePort + " and " + amqpPort).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("Artemis exited with " + process.exitValue() + ":\n" + Files.readString(console()));
                    }
                    return answers(corePort) && answers(amqpPort);
                });
    }

    private Path console() {
        return instance.resolve("log/console.log");
    }

    /** Stops the broker (SIGTERM: Artemis shuts down cleanly) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
        Runtime.getRuntime().removeShutdownHook(stopAtExit);
    }

    private void moveAmqpAcceptor() throws IOException {
        Path file = instance.resolve(ExternalBrokerSettings.BROKER_XML);
        String xml = Files.readString(file);
        Matcher amqp = Pattern.compile("(<acceptor name=\"amqp\">tcp://127\\.0\\.0\\.1:)5672\\?").matcher(xml);
        if (!amqp.find()) {
            throw new IllegalStateException("no AMQP acceptor on 127.0.0.1:5672 in " + file);
        }
        Files.writeString(file, amqp.replaceFirst("$1" + amqpPort + "?"));
    }

    private static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (line.startsWith(ExternalBrokerSettings.SECTION)) {
                if (current != null) {
                    sections.put(current, body.toString());
                }
                String header = line.substring(ExternalBrokerSettings.SECTION.length());
                current = header.substring(0, header.indexOf(':'));
                body.setLength(0);
            } else if (current != null && !line.startsWith("#")) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            sections.put(current, body.toString());
        }
        return sections;
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                children.add(e);
            }
        }
        return children;
    }

    private static DocumentBuilder documentBuilder() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder();
    }

    private static ProcessBuilder command(Path script, String... args) {
        List<String> command = new ArrayList<>(List.of("sh", script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the JDK running the tests; JAVA_ARGS from the environment would replace the instance profile's
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_ARGS");
        return builder;
    }

    private static Path home() {
        String configured = System.getProperty(HOME_PROPERTY);
        Path home = configured != null ? Path.of(configured) : Path.of("target/artemis").toAbsolutePath();
        if (configured == null && Files.isDirectory(home)) {
            try (var found = Files.list(home)) { // run outside Failsafe: whichever version the build unpacked
                home = found.filter(p -> p.getFileName().toString().startsWith("apache-artemis-")).findFirst().orElse(home);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (!Files.isRegularFile(home.resolve("bin/artemis"))) {
            throw new IllegalStateException("no Artemis distribution at " + home + " (mvn verify unpacks it in pre-integration-test)");
        }
        return home;
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
