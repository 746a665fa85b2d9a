package org.lmx.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.lmx.bench.docs.BenchDocuments;
import org.lmx.bench.keys.BenchKey;
import org.lmx.bench.work.PerMessageWork;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.XmlSigner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The load run of issue 13: a hub (started here in its own JVM on a fresh data directory, or --hub), documents
 * signed before the clock starts, N SOAP clients for T seconds, and in the same run the bound on the same cores.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Loads a hub with distinct signed documents over SOAP and compares its acceptance rate with "
                + "the per-message bound (parse + verify + sign) measured on the same cores (BENCHMARKS.md).")
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--hub", description = "a running hub's URL; without it a hub is started on a fresh data directory")
    URI hub;

    @Option(names = "--data-dir", description = "the hub's data directory (keys and passwords); default: a fresh bench/target/load-<time>")
    Path dataDir;

    @Option(names = "--hub-jar", defaultValue = "hub/target/lmx-hub.jar", description = "the hub to start (default: ${DEFAULT-VALUE})")
    Path hubJar;

    @Option(names = "--hub-jvm", defaultValue = "-Xmx1g", split = " ",
            description = "JVM options of the started hub (default: ${DEFAULT-VALUE})")
    List<String> hubJvm;

    @Option(names = "--hub-pid", description = "with --hub on this machine: its process id, for heap and RSS")
    Long hubPid;

    @Option(names = "--amqp-port", defaultValue = "5672", description = "with --hub: its broker's AMQP port")
    int amqpPortOption;

    @Option(names = "--clients", defaultValue = "16", description = "concurrent SOAP clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = "--warmup", defaultValue = "120", description = "seconds of load before measuring (default: ${DEFAULT-VALUE}:"
            + " the JIT compiles the hub's hot paths for about two minutes under load, and takes a third of the CPU meanwhile)")
    double warmup;

    @Option(names = "--rate", defaultValue = "0",
            description = "messages/s offered on a fixed schedule (latency from the scheduled time); 0: closed loop, as fast as answered")
    double rate;

    @Option(names = "--size", defaultValue = "5KB", description = "signed document size: 5KB, 50KB, 5MB (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--partner-key", defaultValue = "RSA-2048", description = "the partner's key: RSA-2048, RSA-3072, EC-P256")
    String partnerKey;

    @Option(names = "--receipt-key", defaultValue = "EC-P256", description = "the hub's signing (receipt) key: RSA-2048, RSA-3072, EC-P256")
    String receiptKey;

    @Option(names = "--messages", defaultValue = "0",
            description = "documents to sign before the clock starts (default: enough for 800/s, or for --rate)")
    int messages;

    /** The bound's own warm-up: the JIT needs about this long for the XML and signature code on both cores. */
    private static final double BOUND_WARMUP_SECONDS = 30;

    @Option(names = "--bound-seconds", defaultValue = "15", description = "seconds of the bound's measurement; 0 skips it")
    double boundSeconds;

    @Option(names = "--applications", defaultValue = "200", description = "work-permit applications for the process-start rate; 0 skips it")
    int applications;

    @Option(names = "--sample", defaultValue = "examples/documents/WorkPermitApplication.xml",
            description = "the application sample (default: ${DEFAULT-VALUE})")
    Path sample;

    @Option(names = "--agency-messages", defaultValue = "200", description = "agency round trips over the queues; 0 skips them")
    int agencyMessages;

    @Option(names = "--seed-log", defaultValue = "0",
            description = "before the load, stop the started hub, seed its message log with this many entries in bulk, restart it")
    long seedLog;

    @Override
    public Integer call() throws Exception {
        BenchKey partnerKind = BenchKey.parse(partnerKey);
        BenchKey receiptKind = BenchKey.parse(receiptKey);
        int signedSize = BenchDocuments.parseSize(size);
        String type = BenchDocuments.documentTypeFor(signedSize);
        // the partner ministry for what a ministry sends; a 5 MB document is an employer report from state revenue
        String sender = type.equals("WorkplaceReport") ? "KAZ:SRC" : "KOR:MOEL";
        String agreement = "AGR-" + sender.replace(':', '-');
        int cores = Runtime.getRuntime().availableProcessors();

        say("LMX load: %s, %d core(s), load average at start %s", Instant.now(), cores, loadAverage());
        HubProcess started = null;
        try {
            URI url;
            Long pid;
            int amqpPort;
            if (hub == null) {
                if (dataDir == null) {
                    dataDir = Path.of("bench", "target", "load-" + System.currentTimeMillis());
                }
                dataDir = dataDir.toAbsolutePath();
                say("starting a hub on %s (partner %s key %s, hub receipt key %s; %s)", dataDir, sender, partnerKind,
                        receiptKind, String.join(" ", hubJvm));
                long t = System.nanoTime();
                started = HubProcess.start(hubJar, dataDir, sender, partnerKind, receiptKind, hubJvm);
                say("hub serving at %s after %.0f s (pid %d)", started.url(), (System.nanoTime() - t) / 1e9, started.pid());
                url = started.url();
                pid = started.pid();
                amqpPort = started.amqpPort();
            } else {
                if (dataDir == null) {
                    throw new IllegalArgumentException("--hub needs --data-dir: the partners' keys and the passwords are there");
                }
                url = hub;
                pid = hubPid;
                amqpPort = amqpPortOption;
                say("using the hub at %s (keys as they are in %s)", url, dataDir);
            }
            PkiDirectory pki = PkiDirectory.open(dataDir.resolve("pki"));
            Credential partner = pki.credential(sender);
            Credential hubCredential = pki.credential("KAZ:MLSP");
            TrustAnchors trust = TrustAnchors.authority(pki.ca().certificate());
            say("partner %s signs with %s, the hub with %s", sender, partner.certificate().getPublicKey().getAlgorithm()
                    + keyBits(partner), hubCredential.certificate().getPublicKey().getAlgorithm() + keyBits(hubCredential));

            int count = messages > 0 ? messages
                    : (int) Math.ceil((rate > 0 ? rate * 1.05 : 800) * (warmup + seconds)) + clients;
            long t = System.nanoTime();
            List<byte[]> documents = sign(count, signedSize, partner, agreement);
            List<byte[]> envelopes = documents.parallelStream().map(SoapSubmitter::envelope).toList();
            say("signed %,d distinct %s documents of %,d bytes (%,d to %,d) as %s in %.0f s, before the clock",
                    count, documentType(documents.get(0)), documents.get(0).length, documents.stream().mapToInt(d -> d.length).min().orElse(0),
                    documents.stream().mapToInt(d -> d.length).max().orElse(0), sender, (System.nanoTime() - t) / 1e9);

            if (seedLog > 0) {
                if (started == null) {
                    throw new IllegalArgumentException("--seed-log works on a hub started here (without --hub)");
                }
                byte[] body = documents.get(0);
                byte[] receipt = new PerMessageWork(trust, hubCredential).accept(body);
                long s0 = System.nanoTime();
                Path db = dataDir;
                started.restart(() -> {
                    LogSeeder.seed(db, seedLog, body, receipt);
                    return null;
                });
                pid = started.pid();
                say("seeded the message log with %,d entries (chained, bodies of %,d bytes) and restarted the hub in %.0f s",
                        seedLog, body.length, (System.nanoTime() - s0) / 1e9);
            }

            SoapSubmitter submitter = new SoapSubmitter(url, clients);
            try (HubMemory memory = pid == null ? null : HubMemory.attach(pid)) {
                say("load: %d clients, %s, %.0f s warm-up + %.0f s measured; load average %s", clients,
                        rate > 0 ? String.format("%.0f msgs/s offered", rate) : "closed loop", warmup, seconds, loadAverage());
                if (memory != null) {
                    memory.resetPeak();
                }
                LoadRun.Result r = new LoadRun(submitter, envelopes).run(clients, warmup, seconds, rate);
                String loadAfter = loadAverage();
                say("");
                say("accepted        %,.1f msgs/s (%,d in %.1f s)%s", r.acceptedPerSecond(), r.accepted(), r.seconds(),
                        r.ranOut() ? "  [ran out of pre-signed documents: raise --messages]" : "");
                say("latency         %s (%,d answers)", r.latencies().summary(), r.latencies().count());
                say("errors          %,d rejected, %,d failed", r.rejected(), r.errors());
                say("deferred        %,d calls answered HTTP 503 (the hub's admission budget) and resent after Retry-After",
                        submitter.deferred());
                say("all answers     %,d, of which %,d accepted (warm-up and answers after the window included)",
                        r.allAnswered(), r.allAccepted());
                for (Map.Entry<String, Long> p : r.problems().entrySet()) {
                    say("                %,6d x %s", p.getValue(), p.getKey());
                }
                if (memory != null) {
                    say("hub heap        peak %s used of %s max; %s live after a full GC", mb(memory.peakHeapBytes()),
                            mb(memory.heapMaxBytes()), mb(memory.liveHeapAfterGcBytes()));
                    say("hub RSS         peak (VmHWM) %s, now %s", memory.peakRssBytes().map(LoadCommand::mb).orElse("?"),
                            memory.rssBytes().map(LoadCommand::mb).orElse("?"));
                } else {
                    say("hub heap, RSS   not measured (give --hub-pid for a hub on this machine)");
                }
                say("load average    %s at the end of the load", loadAfter);

                if (boundSeconds > 0) {
                    PerMessageWork work = new PerMessageWork(trust, hubCredential);
                    double bound = BoundRun.perSecond(work, documents.subList(0, Math.min(documents.size(), 2000)),
                            cores, BOUND_WARMUP_SECONDS, boundSeconds);
                    say("bound           %,.1f msgs/s: parse + validate + verify + digest + signed receipt, %d threads, "
                            + "same documents and keys, hub idle; load average %s", bound, cores, loadAverage());
                    say("ratio           %.0f%% of the bound", 100 * r.acceptedPerSecond() / bound);
                }
            }

            if (applications > 0) {
                Credential ministry = pki.credential("KOR:MOEL");
                List<byte[]> signed = ProcessStartRate.applications(sample, ministry, applications);
                ProcessStartRate.Result p = ProcessStartRate.run(submitter, url, password(dataDir, "credentials.properties",
                        "operator.password"), signed, clients, Duration.ofMinutes(5));
                say("processes       %,.1f work-permit instances started/s (%,d applications: %,d accepted, %,d "
                        + "dispatched, in %.1f s from the first submission); load average %s", p.startedPerSecond(),
                        p.submitted(), p.accepted(), p.dispatched(), p.seconds(), loadAverage());
            }

            if (agencyMessages > 0) {
                Credential police = pki.credential("KAZ:MIA");
                List<byte[]> signed = new ArrayList<>();
                for (int i = 0; i < agencyMessages; i++) {
                    signed.add(XmlSigner.sign(BenchDocuments.ofSize(3 * 1024, "KAZ:MIA", "AGR-KAZ-MIA"), police));
                }
                AgencyRoundTrip.Result a = AgencyRoundTrip.run(amqpPort, password(dataDir,
                        "broker-credentials.properties", "MIA.password"), signed);
                say("agency          round trip over the queues (MIA, AMQP, one at a time): %s; %d accepted, %d other; "
                        + "load average %s", a.latencies().summary(), a.accepted(), a.other(), loadAverage());
            }
            return 0;
        } finally {
            if (started != null) {
                say("stopping the hub (its log: %s)", dataDir.resolve("hub.log"));
                started.close();
            }
        }
    }

    private static List<byte[]> sign(int count, int signedSize, Credential signer, String agreement) throws Exception {
        String party = signer.party().orElseThrow();
        byte[] small = BenchDocuments.ofSize(1, party, agreement);
        int overhead = XmlSigner.sign(small, signer).length - small.length;
        int unsigned = Math.max(1, signedSize - overhead);
        return IntStream.range(0, count).parallel().mapToObj(i -> {
            try {
                return XmlSigner.sign(BenchDocuments.ofSize(unsigned, party, agreement), signer);
            } catch (Exception e) {
                throw new IllegalStateException("cannot sign a load document: " + e, e);
            }
        }).toList();
    }

    private static String documentType(byte[] document) {
        String xml = new String(document, 0, Math.min(document.length, 2000), java.nio.charset.StandardCharsets.UTF_8);
        int at = xml.indexOf("<DocumentType>");
        return at < 0 ? "?" : xml.substring(at + 14, xml.indexOf('<', at + 14));
    }

    private static String password(Path dataDir, String file, String key) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dataDir.resolve(file))) {
            p.load(in);
        }
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(dataDir.resolve(file) + " has no " + key);
        }
        return value;
    }

    private static String keyBits(Credential c) {
        if (c.certificate().getPublicKey() instanceof java.security.interfaces.RSAKey rsa) {
            return "-" + rsa.getModulus().bitLength();
        }
        if (c.certificate().getPublicKey() instanceof java.security.interfaces.ECKey ec) {
            return " P-" + ec.getParams().getCurve().getField().getFieldSize();
        }
        return "";
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String mb(long bytes) {
        return String.format("%,.0f MB", bytes / 1048576.0);
    }

    private static void say(String format, Object... args) {
        System.out.println(args.length == 0 ? format : String.format(format, args));
        System.out.flush();
    }
}
