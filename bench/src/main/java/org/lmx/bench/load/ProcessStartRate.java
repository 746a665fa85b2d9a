package org.lmx.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.XmlSigner;

/**
 * Work-permit process instances started per second: distinct WorkPermitApplications (the committed sample with a
 * new MessageId, thread, application reference and passport number each, without its declared attachments)
 * submitted by N clients; the rate is the number dispatched to the engine (each dispatch starts one process
 * instance in its transaction) over the time from the first submission until the last is dispatched, read from
 * {@code /api/messages?type=WorkPermitApplication&state=DISPATCHED}.
 */
final class ProcessStartRate {

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

    record Result(int submitted, long accepted, long dispatched, double seconds) {
        double startedPerSecond() {
            return dispatched / seconds;
        }
    }

    static List<byte[]> applications(Path sample, Credential partner, int count) throws Exception {
        String xml = Files.readString(sample, StandardCharsets.UTF_8)
                .replaceAll("(?s)\\s*<Attachments>.*?</Attachments>", "")
                .replaceAll("(?s)\\s*<SupportingDocument>.*?</SupportingDocument>", "");
        List<byte[]> signed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String one = xml
                    .replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>" + UUID.randomUUID() + "</MessageId>")
                    .replaceFirst("<ConversationId>[^<]*</ConversationId>", "<ConversationId>" + UUID.randomUUID() + "</ConversationId>")
                    .replaceFirst("<Created>[^<]*</Created>", "<Created>" + java.time.OffsetDateTime.now()
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).format(
                                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")) + "</Created>")
                    .replaceFirst("<ApplicationReference>[^<]*</ApplicationReference>",
                            String.format("<ApplicationReference>MOEL-KZ-BENCH-%06d</ApplicationReference>", i))
                    .replaceFirst("(<TravelDocument>\\s*<Kind>[^<]*</Kind>\\s*<Number>)[^<]*(</Number>)",
                            String.format("$1M%08d$2", i));
            signed.add(XmlSigner.sign(one.getBytes(StandardCharsets.UTF_8), partner));
        }
        return signed;
    }

    static Result run(SoapSubmitter submitter, URI hub, String operatorPassword, List<byte[]> signed, int clients,
                      Duration limit) throws Exception {
        List<byte[]> envelopes = signed.stream().map(SoapSubmitter::envelope).toList();
        HttpClient http = HttpClient.newHttpClient();
        long before = dispatched(http, hub, operatorPassword);
        AtomicInteger next = new AtomicInteger();
        LongAdder accepted = new LongAdder();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < envelopes.size()) {
                    if (submitter.submit(envelopes.get(i)).outcome() == SoapSubmitter.Outcome.ACCEPTED) {
                        accepted.increment();
                    }
                }
            }, "applicant-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long deadline = t0 + limit.toNanos();
        long done = 0;
        long tDone = System.nanoTime();
        while (System.nanoTime() < deadline) {
            done = dispatched(http, hub, operatorPassword) - before;
            tDone = System.nanoTime();
            if (done >= accepted.sum()) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(500); // polling the API: each call costs the hub a BCrypt check of the password
        }
        return new Result(envelopes.size(), accepted.sum(), done, (tDone - t0) / 1e9);
    }

    private static long dispatched(HttpClient http, URI hub, String operatorPassword) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(hub.resolve("/api/messages?type=WorkPermitApplication&state=DISPATCHED&size=1"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("operator:" + operatorPassword).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher m = TOTAL.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("GET /api/messages answered " + response.statusCode() + ": " + response.body());
        }
        return Long.parseLong(m.group(1));
    }

    private ProcessStartRate() {
    }
}
