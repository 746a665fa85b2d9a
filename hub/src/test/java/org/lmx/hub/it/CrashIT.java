package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.hub.it.PartnerClient.Submitted;
import org.lmx.hub.it.RepeatedPosts.Post;
import org.lmx.hub.it.RepeatedSubmissions.Document;
import org.lmx.routes.outbound.PartnerTestServer;

/**
 * The reliability contract under a crash (ARCHITECTURE.md): a hub in its own JVM on a fresh data directory issues
 * 500 documents through {@code POST /api/outbound} (250 for the migration police KAZ:MIA over its queue, 250 for
 * Germany's DEU:BMAS by Submit at a partner test endpoint), while partners submit 500 signed documents over SOAP.
 * Once the agency and the partner have each taken 100 documents into effect and 150 inbound documents are
 * accepted, the hub's JVM is killed ({@code destroyForcibly}) during its next call of the partner, and started
 * again on the same directory and ports. Clients repeat what lost its answer: a post with the same Idempotency-Key,
 * a submission with the same signed bytes; the agency reconnects by itself. Then every issued document is
 * DELIVERED, every inbound document that got an ACCEPTED receipt is logged and DISPATCHED, nothing is lost, nothing
 * is taken into effect twice (duplicates on the wire are counted and printed), and the chain verifies.
 */
class CrashIT {

    private static final int TO_AGENCY = 250;
    private static final int TO_PARTNER = 250;
    private static final int INBOUND = 500;
    private static final int CLIENTS = 8;
    private static final String MIA = "KAZ:MIA";
    private static final String DEU = "DEU:BMAS";
    private static final String KOR = "KOR:MOEL";
    private static final String AGR_DEU = "AGR-DEU-BMAS";
    /** How long a client keeps repeating a request whose answer was lost (the hub restarts meanwhile). */
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void aHubKilledUnderLoadAndRestartedLosesNothingAndTakesNothingIntoEffectTwice() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-data-").toAbsolutePath();
        // the partner answers at once: short call limits keep the lease of the call cut off by the kill short
        HubProcess hub = new HubProcess(dataDir, HubProcess.freePort(), HubProcess.freePort(),
                "--lmx.push.connect-timeout=2s", "--lmx.push.receive-timeout=5s");
        PartnerTestServer partner = new PartnerTestServer();
        DeduplicatingAgency agency = null;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        Timeline time = new Timeline();
        try {
            hub.start();
            hub.awaitReady(Duration.ofSeconds(90));
            time.mark("first start");
            DevelopmentCredentials login = DevelopmentCredentials.read(dataDir.resolve(DevelopmentCredentials.FILE));
            AdminApi operator = new AdminApi(hub.url(""), DevelopmentCredentials.OPERATOR, login.operatorPassword());
            AdminApi auditor = new AdminApi(hub.url(""), DevelopmentCredentials.AUDITOR, login.auditorPassword());

            // the partner answers with its signed receipt; once armed, it kills the hub while the hub waits for it
            Credential germany = Parties.credential(dataDir, DEU);
            AtomicBoolean armed = new AtomicBoolean();
            AtomicReference<String> cutOff = new AtomicReference<>();
            CountDownLatch killed = new CountDownLatch(1);
            partner.answer = (document, digest) -> {
                byte[] receipt = Parties.receiptFor(document, DEU, AGR_DEU, null).signedBy(germany);
                if (armed.compareAndSet(true, false)) {
                    cutOff.set(partner.wire.stream().filter(c -> c.digest().equals(digest)).findFirst().orElseThrow()
                            .messageId());
                    hub.kill();
                    killed.countDown();
                }
                return receipt;
            };
            pointPushAgreementAt(operator, dataDir, partner.endpoint());
            DeduplicatingAgency police = DeduplicatingAgency.start(hub.amqpPort, dataDir, "MIA", MIA, "AGR-KAZ-MIA");
            agency = police;

            // everything signed and named before the load starts
            List<Document> inbound = inboundDocuments(dataDir, clients);
            List<Post> posts = new ArrayList<>();
            for (int i = 0; i < TO_AGENCY + TO_PARTNER; i++) { // as many for each (TO_AGENCY == TO_PARTNER)
                posts.add(i % 2 == 0 ? new Post(MIA, "ComplianceAlert") : new Post(DEU, "InformationRequest"));
            }
            time.mark("signing");

            // posts and submissions interleaved, so that both are under way when the hub is killed
            RepeatedPosts operators = new RepeatedPosts(operator, PATIENCE);
            RepeatedSubmissions partners = new RepeatedSubmissions(new PartnerClient(hub.url(""), dataDir), PATIENCE);
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < Math.max(inbound.size(), posts.size()); i++) {
                if (i < inbound.size()) {
                    Document document = inbound.get(i);
                    load.add(clients.submit(call(() -> partners.submit(document))));
                }
                if (i < posts.size()) {
                    Post post = posts.get(i);
                    load.add(clients.submit(call(() -> operators.post(post))));
                }
            }

            // the kill, after an observed count, during the hub's next call of the partner (its answer is lost)
            await("the partner and the agency each taking 100 documents into effect, 150 inbound accepted")
                    .dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> partner.effects() >= 100 && police.effects() >= 100 && partners.accepted.size() >= 150);
            armed.set(true);
            assertThat(killed.await(30, TimeUnit.SECONDS)).as("killed during a call of the partner").isTrue();
            Instant killedAt = Instant.now();
            time.mark("load until the kill");
            Map<String, Long> atKill = new LinkedHashMap<>();
            atKill.put("partner effects", (long) partner.effects());
            atKill.put("agency effects", (long) police.effects());
            atKill.put("inbound accepted", (long) partners.accepted.size());
            atKill.put("posts answered", posts.stream().filter(Post::answered).count());
            System.out.println("CrashIT: killed the hub during its Submit of " + cutOff.get() + " to DEU:BMAS, at " + atKill);
            assertThat(partners.accepted).as("submissions under way at the kill").hasSizeLessThan(INBOUND);
            assertThat(partner.effects() + police.effects()).as("deliveries under way at the kill")
                    .isLessThan(TO_AGENCY + TO_PARTNER);

            hub.start();
            hub.awaitReady(Duration.ofSeconds(90));
            time.mark("restart");
            for (Future<?> task : load) {
                task.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            time.mark("load after the restart");

            // every post answered with one document; every submission ACCEPTED for the very bytes sent
            for (Post post : posts) {
                assertThat(post.messageIds).as("MessageIds answered to Idempotency-Key " + post.key).hasSize(1);
            }
            Set<String> toAgency = RepeatedPosts.issuedTo(posts, MIA);
            Set<String> toPartner = RepeatedPosts.issuedTo(posts, DEU);
            assertThat(toAgency).hasSize(TO_AGENCY);
            assertThat(toPartner).hasSize(TO_PARTNER);
            Set<String> issued = new HashSet<>(toAgency);
            issued.addAll(toPartner);
            assertThat(partners.refused).as("inbound documents refused").isEmpty();
            assertThat(partners.accepted).hasSize(INBOUND);
            for (Document document : inbound) {
                Submitted answer = partners.accepted.get(document.messageId());
                assertThat(answer.receipt().receivedMessageId()).isEqualTo(document.messageId());
                assertThat(answer.receipt().digest()).isEqualTo(Sha256.hex(document.signed()));
            }

            // zero lost: every issued document DELIVERED, every accepted one DISPATCHED, nothing else logged. The
            // recipients' counts are watched first: each call of the admin API costs the hub a BCrypt check.
            try {
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> partner.effects() >= TO_PARTNER && police.effects() >= TO_AGENCY
                                && total(auditor, "state=DELIVERED") == issued.size()
                                && total(auditor, "state=DISPATCHED") == INBOUND);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("not everything delivered and dispatched: partner effects " + partner.effects()
                        + ", agency effects " + police.effects() + ", messages by state " + countsByState(auditor), e);
            }
            time.mark("settled");
            assertThat(ids(auditor, "state=DELIVERED")).isEqualTo(issued);
            assertThat(ids(auditor, "state=DISPATCHED")).isEqualTo(partners.accepted.keySet());
            assertThat(total(auditor, "")).as("messages in the log").isEqualTo(issued.size() + INBOUND);
            // a repeated submission's final answer is the receipt the hub keeps, byte for byte
            List<Document> repeated = inbound.stream().filter(d -> d.lostAnswers().get() > 0).toList();
            for (Document document : repeated) {
                AdminApi.Answer stored = auditor.get("/api/messages/" + document.messageId() + "/receipt");
                assertThat(stored.status()).isEqualTo(200);
                assertThat(partners.accepted.get(document.messageId()).bytes()).isEqualTo(stored.bytes());
            }

            // zero duplicate effects: each recipient took exactly the documents issued to it, each once
            assertThat(partner.effects()).isEqualTo(TO_PARTNER);
            assertThat(partner.effective()).isEqualTo(toPartner);
            assertThat(partner.conflicts).as("MessageIds the partner got with other bytes").isEmpty();
            assertThat(police.effects()).isEqualTo(TO_AGENCY);
            assertThat(police.effective()).isEqualTo(toAgency);
            assertThat(police.problems).isEmpty();
            assertThat(DeduplicatingAgency.deadLetters(hub.amqpPort, dataDir, "MIA")).as("MIA's dead letters").isZero();
            // the document whose answer the kill cut off came again, and took no second effect
            assertThat(partner.wireCopies(cutOff.get())).isGreaterThanOrEqualTo(2);
            assertThat(partner.effects(cutOff.get())).isEqualTo(1);

            AdminApi.Answer verify = auditor.get("/api/log/verify");
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            agency = null;
            police.close();
            hub.stop();

            // offline, on the stopped hub's database: each issued or accepted once, delivered or dispatched once,
            // one recipient's receipt each, no work left
            HubDatabase database = HubDatabase.open(dataDir);
            Map<String, List<String>> histories = database.histories();
            assertThat(histories).hasSize(issued.size() + INBOUND);
            assertThat(historyProblems(histories, issued, "QUEUED", "DELIVERED")).isEmpty();
            assertThat(historyProblems(histories, partners.accepted.keySet(), "ACCEPTED", "DISPATCHED")).isEmpty();
            assertThat(database.count("SELECT COUNT(*) FROM delivery_receipt")).isEqualTo(issued.size());
            assertThat(database.count("SELECT COUNT(*) FROM outbox WHERE done_at IS NULL")).as("work left").isZero();
            assertThat(database.count("SELECT COUNT(*) FROM rejection")).as("rejections").isZero();
            time.mark("checks");

            System.out.printf("CrashIT: posts %d, %d asked again after a lost answer (%d of them answered 200 with the"
                            + " document issued before the kill)%n", posts.size(),
                    posts.stream().filter(p -> p.lostAnswers.get() > 0).count(),
                    posts.stream().filter(p -> p.statuses.contains(200)).count());
            System.out.printf("CrashIT: inbound %d ACCEPTED, %d submitted again after a lost answer (%d of them answered"
                            + " with the receipt issued before the kill)%n", partners.accepted.size(), repeated.size(),
                    repeated.stream().filter(d -> receivedAt(partners.accepted.get(d.messageId())).isBefore(killedAt)).count());
            System.out.printf("CrashIT: partner DEU:BMAS: %d copies on the wire, %d taken into effect; duplicates on the"
                    + " wire %s%n", partner.wire.size(), partner.effects(), duplicatesOnTheWire(partner));
            System.out.printf("CrashIT: agency KAZ:MIA: %d copies on the wire, %d taken into effect, %d commits rolled"
                            + " back; duplicates on the wire %s%n", police.wireCopies(), police.effects(),
                    police.rolledBack.get(), police.duplicatesOnTheWire());
            System.out.println("CrashIT: the history of " + cutOff.get() + ": " + histories.get(cutOff.get()));
            System.out.println("CrashIT: chain " + verify.body());
            System.out.println("CrashIT: " + time);
        } finally {
            clients.shutdownNow();
            if (agency != null) {
                agency.close();
            }
            partner.close();
            hub.stop();
        }
    }

    // ---- set-up ----

    /** Version 2 of AGR-DEU-BMAS at the partner test endpoint, with waits of 1 s up to 2 s, reloaded by the operator. */
    private static void pointPushAgreementAt(AdminApi operator, Path dataDir, String endpoint) throws Exception {
        AgreementFiles.rewrite(dataDir, "soap-push-DEU-BMAS.xml", "<Version>1</Version>", "<Version>2</Version>",
                "http://localhost:8091/services/exchange12", endpoint,
                "<InitialBackoff>PT30S</InitialBackoff>", "<InitialBackoff>PT1S</InitialBackoff>",
                "<MaxBackoff>PT1H</MaxBackoff>", "<MaxBackoff>PT2S</MaxBackoff>");
        AdminApi.Answer reload = operator.post("/api/agreements/reload");
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(reload.body()).contains(AGR_DEU);
    }

    /** 500 distinct documents of two partners, each in a conversation of its own, signed by their senders. */
    private static List<Document> inboundDocuments(Path dataDir, ExecutorService signers) throws Exception {
        Credential korea = Parties.credential(dataDir, KOR);
        Credential germany = Parties.credential(dataDir, DEU);
        List<Callable<Document>> signing = new ArrayList<>();
        for (int i = 0; i < INBOUND; i++) {
            boolean korean = i % 2 == 0;
            signing.add(() -> {
                String conversation = UUID.randomUUID().toString();
                Parties.Message message = Parties.message(korean ? "InformationRequest" : "BusinessNotice")
                        .from(korean ? KOR : DEU).to("KAZ:MLSP").agreement(korean ? "AGR-KOR-MOEL" : AGR_DEU)
                        .edit(dom -> dom.getElementsByTagNameNS(Parties.LMX, "ConversationId").item(0)
                                .setTextContent(conversation));
                return new Document(message.messageId(), message.signedBy(korean ? korea : germany));
            });
        }
        List<Document> documents = new ArrayList<>();
        for (Future<Document> signed : signers.invokeAll(signing)) {
            documents.add(signed.get());
        }
        return documents;
    }

    // ---- what the auditor sees ----

    private static final List<String> STATES = List.of("ACCEPTED", "DISPATCHED", "QUEUED", "SENT", "DELIVERED",
            "REJECTED_BY_RECIPIENT", "RETRYING", "FAILED");

    private static long total(AdminApi auditor, String filter) throws Exception {
        return auditor.getJson("/api/messages?size=1&" + filter).get("total").asLong();
    }

    private static Map<String, Long> countsByState(AdminApi auditor) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String state : STATES) {
            counts.put(state, total(auditor, "state=" + state));
        }
        return counts;
    }

    /** The MessageIds of every logged message that matches {@code filter}, page by page. */
    private static Set<String> ids(AdminApi auditor, String filter) throws Exception {
        Set<String> ids = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = auditor.getJson("/api/messages?size=100&page=" + page + "&" + filter).get("items");
            if (items.isEmpty()) {
                return ids;
            }
            items.forEach(item -> ids.add(item.get("messageId").asText()));
        }
    }

    /** Messages whose history does not start with {@code first}, show it once, and end with {@code last}, once. */
    private static Map<String, List<String>> historyProblems(Map<String, List<String>> histories, Collection<String> ids,
                                                            String first, String last) {
        Map<String, List<String>> problems = new TreeMap<>();
        for (String id : ids) {
            List<String> states = histories.getOrDefault(id, List.of());
            boolean right = !states.isEmpty() && states.get(0).equals(first) && states.get(states.size() - 1).equals(last)
                    && states.stream().filter(first::equals).count() == 1
                    && states.stream().filter(last::equals).count() == 1;
            if (!right) {
                problems.put(id, states);
            }
        }
        return problems;
    }

    // ---- the report ----

    private static Map<String, Integer> duplicatesOnTheWire(PartnerTestServer partner) {
        Map<String, Integer> duplicates = new TreeMap<>();
        partner.wire.stream().map(PartnerTestServer.Call::messageId).distinct().forEach(id -> {
            if (partner.wireCopies(id) > 1) {
                duplicates.put(id, partner.wireCopies(id));
            }
        });
        return duplicates;
    }

    private static Instant receivedAt(Submitted answer) {
        return OffsetDateTime.parse(answer.receipt().receivedAt()).toInstant();
    }

    private static Callable<Void> call(ThrowingRunnable task) {
        return () -> {
            task.run();
            return null;
        };
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** How long each phase took, for the report. */
    private static final class Timeline {
        private final long began = System.nanoTime();
        private long last = began;
        private final Map<String, Long> phases = new LinkedHashMap<>();

        void mark(String phase) {
            long now = System.nanoTime();
            phases.put(phase, TimeUnit.NANOSECONDS.toMillis(now - last));
            last = now;
        }

        @Override
        public String toString() {
            return "ms per phase " + phases + ", " + TimeUnit.NANOSECONDS.toMillis(last - began) + " ms in all";
        }
    }
}
