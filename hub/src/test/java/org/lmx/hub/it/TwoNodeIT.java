package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.config.DevelopmentCredentials;
import org.lmx.hub.postgres.TestPostgres;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.MessageLog;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.w3c.dom.Element;

/**
 * Several nodes (ARCHITECTURE.md "Defaults and production"): two hub JVMs ({@code serve}, profile {@code postgres})
 * on one PostgreSQL (embedded, started by the test) and one external broker (a standalone Artemis 2.44), each on a
 * copy of one prepared data directory (the same PKI, agreements and credentials), share 500 messages: partners submit
 * 250 signed documents over SOAP and operators post 250 documents for the migration police (KAZ:MIA), alternately to
 * each node, as a load balancer would; the police is a de-duplicating agency on the broker. A few work-permit
 * applications are submitted to both nodes at the same moment. Once 80 documents are accepted and the police has
 * taken 80 into effect, node A's JVM is killed ({@code destroyForcibly}); clients whose answer was lost ask node B.
 * Node B finishes alone: every accepted document is dispatched once, every posted one delivered, no second process
 * instance per application, each document taken into effect once, and the chain verifies.
 */
class TwoNodeIT {

    private static final int INBOUND = 250;
    private static final int TO_AGENCY = 250;
    private static final int APPLICATIONS = 4;
    private static final int CLIENTS = 8;
    private static final String MIA = "KAZ:MIA";
    private static final String KOR = "KOR:MOEL";
    private static final String DEU = "DEU:BMAS";
    /** How long a client keeps asking (one node or the other) before the test fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void twoNodesShareTheWorkAndTheOneLeftFinishesItWhenTheOtherIsKilled() throws Exception {
        String database = TestPostgres.newDatabase();
        Path dataA = Files.createTempDirectory(Path.of("target"), "two-node-a-").toAbsolutePath();
        StandaloneArtemis broker = StandaloneArtemis.configuredFor(dataA);
        // node B's disk: what the operator copies to every node (PKI, agreements, credentials)
        Path dataB = copy(dataA, dataA.resolveSibling(dataA.getFileName().toString().replace("-a-", "-b-")));

        HubProcess nodeA = null;
        HubProcess nodeB = null;
        DeduplicatingAgency police = null;
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            broker.start();
            String hubPassword = BrokerCredentials.open(dataA.resolve(BrokerCredentials.FILE))
                    .password(BrokerCredentials.HUB_USER);
            String[] shared = {"--spring.profiles.active=postgres", "--spring.datasource.url=" + database,
                    "--spring.datasource.username=" + TestPostgres.USER, "--spring.datasource.password=" + TestPostgres.PASSWORD,
                    "--lmx.broker.embedded=false", "--lmx.broker.url=" + broker.coreUrl(),
                    "--lmx.broker.user=" + BrokerCredentials.HUB_USER, "--lmx.broker.password=" + hubPassword};
            nodeA = new HubProcess(dataA, HubProcess.freePort(), HubProcess.freePort(), shared);
            nodeB = new HubProcess(dataB, HubProcess.freePort(), HubProcess.freePort(), shared);
            // the first node on an empty database alone: Camunda creates its tables without a lock of its own
            nodeA.start();
            nodeA.awaitReady(Duration.ofSeconds(120));
            nodeB.start();
            nodeB.awaitReady(Duration.ofSeconds(120));
            List<HubProcess> nodes = List.of(nodeA, nodeB);
            DevelopmentCredentials login = DevelopmentCredentials.read(dataA.resolve(DevelopmentCredentials.FILE));
            police = DeduplicatingAgency.start(broker.amqpPort(), dataA, "MIA", MIA, "AGR-KAZ-MIA");

            // the same application arriving at both nodes at once (a partner's retry through the load balancer)
            List<String> applications = new ArrayList<>();
            List<Future<PartnerClient.Submitted>> racing = new ArrayList<>();
            for (int i = 0; i < APPLICATIONS; i++) {
                byte[][] application = application(dataA);
                applications.add(new String(application[3], java.nio.charset.StandardCharsets.UTF_8));
                for (HubProcess node : nodes) {
                    racing.add(clients.submit(() -> new PartnerClient(node.url(""), dataA).submit("1.2", application[0],
                            new PartnerClient.Part("passport", application[1]), new PartnerClient.Part("diploma", application[2]))));
                }
            }
            for (Future<PartnerClient.Submitted> answer : racing) {
                assertThat(answer.get(60, TimeUnit.SECONDS).receipt().status()).isEqualTo("ACCEPTED");
            }

            // 500 messages, alternately to each node; a client whose answer is lost asks the other node
            Balancer balancer = new Balancer(nodes, dataA, login);
            List<RepeatedSubmissions.Document> inbound = inboundDocuments(dataA, clients);
            List<RepeatedPosts.Post> posts = new ArrayList<>();
            for (int i = 0; i < TO_AGENCY; i++) {
                posts.add(new RepeatedPosts.Post(MIA, "ComplianceAlert"));
            }
            List<Future<?>> load = new ArrayList<>();
            for (int i = 0; i < INBOUND; i++) {
                int first = i % 2;
                RepeatedSubmissions.Document document = inbound.get(i);
                load.add(clients.submit(() -> balancer.submit(document, first)));
                RepeatedPosts.Post post = posts.get(i);
                load.add(clients.submit(() -> balancer.post(post, 1 - first)));
            }

            DeduplicatingAgency agency = police;
            await("80 documents accepted and 80 taken into effect by the police").dontCatchUncaughtExceptions()
                    .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(20))
                    .until(() -> balancer.accepted.size() >= 80 && agency.effects() >= 80);
            nodeA.kill();
            int acceptedAtKill = balancer.accepted.size();
            int effectsAtKill = police.effects();
            System.out.println("TwoNodeIT: killed node A with " + acceptedAtKill + " accepted and " + effectsAtKill
                    + " taken into effect by the police; answers by node so far " + balancer.answeredBy);
            assertThat(acceptedAtKill).as("submissions under way at the kill").isLessThan(INBOUND);

            for (Future<?> task : load) {
                task.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            assertThat(balancer.refused).isEmpty();
            assertThat(balancer.accepted).hasSize(INBOUND);
            for (RepeatedSubmissions.Document document : inbound) {
                assertThat(balancer.accepted.get(document.messageId()).receipt().digest())
                        .isEqualTo(Sha256.hex(document.signed()));
            }
            for (RepeatedPosts.Post post : posts) {
                assertThat(post.messageIds).as("MessageIds answered to Idempotency-Key " + post.key).hasSize(1);
            }
            Set<String> toAgency = RepeatedPosts.issuedTo(posts, MIA);
            assertThat(toAgency).hasSize(TO_AGENCY);
            System.out.println("TwoNodeIT: answers by node " + balancer.answeredBy);
            assertThat(balancer.answeredBy.get(0).get()).as("answers of node A").isPositive();
            assertThat(balancer.answeredBy.get(1).get()).as("answers of node B").isPositive();

            // node B finishes: everything accepted dispatched, everything posted delivered
            JdbcTemplate db = new JdbcTemplate(new DriverManagerDataSource(database, TestPostgres.USER, TestPostgres.PASSWORD));
            Set<String> accepted = balancer.accepted.keySet();
            try {
                await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> agency.effective().containsAll(toAgency)
                                && count(db, "state = 'DISPATCHED'", accepted) == INBOUND
                                && count(db, "state = 'DELIVERED'", toAgency) == TO_AGENCY);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("node B did not finish: police effects " + agency.effects()
                        + ", dispatched " + count(db, "state = 'DISPATCHED'", accepted) + " of " + INBOUND
                        + ", delivered " + count(db, "state = 'DELIVERED'", toAgency) + " of " + TO_AGENCY, e);
            }

            // zero lost, zero twice: each logged once, dispatched once, delivered once with one receipt
            assertThat(count(db, "1 = 1", accepted)).isEqualTo(INBOUND);
            assertThat(count(db, "1 = 1", toAgency)).isEqualTo(TO_AGENCY);
            assertThat(events(db, "DISPATCHED", accepted)).as("DISPATCHED steps of the accepted documents").isEqualTo(INBOUND);
            assertThat(events(db, "DELIVERED", toAgency)).as("DELIVERED steps of the posted documents").isEqualTo(TO_AGENCY);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM delivery_receipt WHERE message_id IN (" + in(toAgency) + ")",
                    Long.class)).isEqualTo(TO_AGENCY);
            assertThat(db.queryForObject("SELECT COUNT(*) FROM outbox WHERE kind = 'DISPATCH' AND done_at IS NULL",
                    Long.class)).as("dispatch work left").isZero();
            assertThat(police.problems).isEmpty();
            System.out.println("TwoNodeIT: the police took " + police.effects() + " documents into effect from "
                    + police.wireCopies() + " copies on the wire; duplicates on the wire " + police.duplicatesOnTheWire());

            // one case per application, though each arrived at both nodes
            for (String applicationId : applications) {
                assertThat(count(db, "1 = 1", Set.of(applicationId))).isEqualTo(1);
                assertThat(db.queryForObject("SELECT COUNT(*) FROM process_dispatch WHERE message_id = ? AND outcome = 'STARTED'",
                        Long.class, applicationId)).isEqualTo(1);
                assertThat(db.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ?", Long.class,
                        applicationId)).as("process instances of application " + applicationId).isEqualTo(1);
            }

            // the chain, written by two nodes at once, verifies
            DriverManagerDataSource verifierSource = new DriverManagerDataSource(database, TestPostgres.USER, TestPostgres.PASSWORD);
            LogVerification verification = new LogVerifier(db, new MessageLog(db,
                    new DataSourceTransactionManager(verifierSource), java.time.Clock.systemUTC())).verify();
            assertThat(verification.intact()).as(verification.summary()).isTrue();
            assertThat(verification.entriesVerified()).isGreaterThanOrEqualTo(INBOUND + TO_AGENCY + APPLICATIONS);
            AdminApi.Answer verify = new AdminApi(nodeB.url(""), DevelopmentCredentials.AUDITOR, login.auditorPassword())
                    .get("/api/log/verify");
            assertThat(verify.status()).as(verify.body()).isEqualTo(200);
            System.out.println("TwoNodeIT: chain " + verify.body());
        } finally {
            clients.shutdownNow();
            if (police != null) {
                police.close();
            }
            for (HubProcess node : Stream.of(nodeA, nodeB).filter(n -> n != null).toList()) {
                node.stop();
            }
            broker.close();
        }
    }

    /**
     * A load balancer in front of both nodes, with the clients' retries: each request goes to {@code first} and, when
     * its answer is lost (no connection, a 5xx), to the other node, until answered.
     */
    private static final class Balancer {
        final Map<String, PartnerClient.Submitted> accepted = new ConcurrentHashMap<>();
        final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<AtomicInteger> answeredBy = List.of(new AtomicInteger(), new AtomicInteger());
        private final List<PartnerClient> partners = new ArrayList<>();
        private final List<AdminApi> operators = new ArrayList<>();
        private final List<ThreadLocal<ExchangePortType>> ports = new ArrayList<>();

        Balancer(List<HubProcess> nodes, Path dataDir, DevelopmentCredentials login) throws Exception {
            for (HubProcess node : nodes) {
                PartnerClient client = new PartnerClient(node.url(""), dataDir);
                partners.add(client);
                ports.add(ThreadLocal.withInitial(() -> client.port("1.2")));
                operators.add(new AdminApi(node.url(""), DevelopmentCredentials.OPERATOR, login.operatorPassword()));
            }
        }

        Void submit(RepeatedSubmissions.Document document, int first) {
            int[] node = {first};
            RepeatUntilAnswered.repeat(() -> {
                int n = node[0];
                PartnerClient.Submitted answer;
                try {
                    answer = partners.get(n).submit(ports.get(n).get(), document.signed(), List.of());
                } catch (Exception e) {
                    document.lostAnswers().incrementAndGet();
                    ports.get(n).remove();
                    node[0] = 1 - n;
                    return false;
                }
                answeredBy.get(n).incrementAndGet();
                if ("ACCEPTED".equals(answer.receipt().status())) {
                    accepted.put(document.messageId(), answer);
                } else {
                    refused.add(document.messageId() + " " + answer.receipt().code() + " " + answer.receipt().reason());
                }
                return true;
            }, PATIENCE);
            return null;
        }

        Void post(RepeatedPosts.Post post, int first) throws Exception {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("to", post.to);
            request.put("documentType", post.documentType);
            request.put("document", Parties.bodyOf(post.documentType));
            int[] node = {first};
            RepeatUntilAnswered.repeat(() -> {
                int n = node[0];
                AdminApi.Answer answer;
                try {
                    answer = operators.get(n).postJson("/api/outbound", request, Map.of("Idempotency-Key", post.key));
                } catch (java.io.IOException e) {
                    post.lostAnswers.incrementAndGet();
                    node[0] = 1 - n;
                    return false;
                }
                if (answer.status() >= 500) {
                    post.lostAnswers.incrementAndGet();
                    node[0] = 1 - n;
                    return false;
                }
                assertThat(answer.status()).as(answer.body()).isIn(200, 202);
                answeredBy.get(n).incrementAndGet();
                post.messageIds.add(answer.json().get("messageId").asText());
                post.statuses.add(answer.status());
                return true;
            }, PATIENCE);
            return null;
        }
    }

    /** A work-permit application of Korea's ministry with its two attachments: {signed, passport, diploma, MessageId}. */
    private static byte[][] application(Path dataDir) throws Exception {
        String passport = "M" + (10_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(90_000_000));
        Parties.Attachment scan = Parties.Attachment.pdf("passport", WorkPermitCases.pdf("passport " + passport));
        Parties.Attachment diploma = Parties.Attachment.pdf("diploma", WorkPermitCases.pdf("diploma of " + passport));
        Parties.Message application = Parties.message("WorkPermitApplication").from(KOR).agreement("AGR-KOR-MOEL")
                .attachments(scan, diploma).edit(dom -> {
                    WorkPermitCases.set(dom, "ConversationId", UUID.randomUUID().toString());
                    WorkPermitCases.set(WorkPermitCases.first(dom, "TravelDocument"), "Number", passport);
                    Element period = WorkPermitCases.first(dom, "EmploymentPeriod");
                    WorkPermitCases.set(period, "From", "2027-03-01");
                    WorkPermitCases.set(period, "To", "2029-02-28");
                });
        return new byte[][] {application.signedBy(Parties.credential(dataDir, KOR)), scan.content(), diploma.content(),
                application.messageId().getBytes(java.nio.charset.StandardCharsets.UTF_8)};
    }

    /** Distinct documents of two partners, each in a conversation of its own, signed by their senders. */
    private static List<RepeatedSubmissions.Document> inboundDocuments(Path dataDir, ExecutorService signers)
            throws Exception {
        Credential korea = Parties.credential(dataDir, KOR);
        Credential germany = Parties.credential(dataDir, DEU);
        List<Callable<RepeatedSubmissions.Document>> signing = new ArrayList<>();
        for (int i = 0; i < INBOUND; i++) {
            boolean korean = i % 2 == 0;
            signing.add(() -> {
                String conversation = UUID.randomUUID().toString();
                Parties.Message message = Parties.message(korean ? "InformationRequest" : "BusinessNotice")
                        .from(korean ? KOR : DEU).to("KAZ:MLSP").agreement(korean ? "AGR-KOR-MOEL" : "AGR-DEU-BMAS")
                        .edit(dom -> dom.getElementsByTagNameNS(Parties.LMX, "ConversationId").item(0)
                                .setTextContent(conversation));
                return new RepeatedSubmissions.Document(message.messageId(), message.signedBy(korean ? korea : germany));
            });
        }
        List<RepeatedSubmissions.Document> documents = new ArrayList<>();
        for (Future<RepeatedSubmissions.Document> signed : signers.invokeAll(signing)) {
            documents.add(signed.get());
        }
        return documents;
    }

    private static long count(JdbcTemplate db, String condition, Set<String> ids) {
        Long n = db.queryForObject("SELECT COUNT(*) FROM message_log WHERE " + condition + " AND message_id IN ("
                + in(ids) + ")", Long.class);
        return n == null ? 0 : n;
    }

    private static long events(JdbcTemplate db, String state, Set<String> ids) {
        Long n = db.queryForObject("SELECT COUNT(*) FROM message_event WHERE state = ? AND message_id IN (" + in(ids) + ")",
                Long.class, state);
        return n == null ? 0 : n;
    }

    /** MessageIds (UUIDs the test made or the hub answered) as an SQL list. */
    private static String in(Set<String> ids) {
        return String.join(", ", ids.stream().map(id -> {
            assertThat(id).matches("[0-9a-fA-F-]{36}");
            return "'" + id + "'";
        }).toList());
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }
}
