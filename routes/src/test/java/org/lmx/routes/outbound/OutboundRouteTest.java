package org.lmx.routes.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.lmx.routes.outbound.OutboundBench.AGENCY;
import static org.lmx.routes.outbound.OutboundBench.HUB;
import static org.lmx.routes.outbound.OutboundBench.MIA;
import static org.lmx.routes.outbound.OutboundBench.NOW;
import static org.lmx.routes.outbound.OutboundBench.bodyOf;
import static org.lmx.routes.outbound.OutboundBench.request;
import static org.lmx.routes.outbound.OutboundBench.text;
import static org.lmx.routes.outbound.OutboundBench.utf8;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.jms.JmsConstants;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.TestPki;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.StateChange;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;

/**
 * The outbound entry and the delivery to agencies in a real Camel context over an in-memory database: each issued
 * document is checked as its recipient would check it (the hub's signature, the header, the body), then in the
 * database; each refusal leaves nothing; the delivery puts the signed bytes on the agency's queue in log order,
 * holds back a conversation whose document the broker did not take, and leaves SOAP partners' documents alone.
 */
class OutboundRouteTest {

    private static final byte[] PERMIT_SCAN = "%PDF-1.7 the permit as issued".getBytes(StandardCharsets.UTF_8);
    private static TrustAnchors hubCa;

    @TempDir
    Path agreements;

    private OutboundBench bench;

    @BeforeAll
    static void hubCa() throws Exception {
        hubCa = TrustAnchors.authority(PkiDirectory.open(TestPki.dir()).ca().certificate());
    }

    @AfterEach
    void close() throws Exception {
        bench.close();
    }

    // ---- the entry ----

    @Test
    void aDocumentForAnAgencyIsSignedByTheHubAndLoggedWithItsDeliveryInOneGo() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        String answered = UUID.randomUUID().toString();
        OutboundResult result = bench.issue(new OutboundRequest(MIA, "PermitDecision", null, answered, null,
                bodyOf("PermitDecision"), List.of(new OutboundAttachment("permit", "permit.pdf", "application/pdf",
                PERMIT_SCAN)), "operator alice"));

        // as the migration police reads it: signed by the hub, valid, addressed to it under its agreement
        VerifiedDocument verified = bench.verifier.verify(result.signed(), hubCa,
                VerificationOptions.defaults().expectParty(HUB));
        Document document = verified.document();
        assertThat(List.of(text(document, "MessageId"), text(document, "ConversationId"), text(document, "InReplyTo"),
                text(document, "AgreementId"), text(document, "From"), text(document, "To"), text(document, "DocumentType")))
                .containsExactly(result.messageId(), result.conversationId(), answered, "AGR-KAZ-MIA", HUB, MIA,
                        "PermitDecision");
        assertThat(result.conversationId()).matches("[0-9a-f-]{36}").isNotEqualTo(answered);
        // Created: the time of issue in the hub's zone
        assertThat(text(document, "Created")).isEqualTo(result.created()).endsWith("+05:00");
        assertThat(OffsetDateTime.parse(result.created()).toInstant()).isEqualTo(NOW);
        assertThat(List.of(text(document, "Id"), text(document, "FileName"), text(document, "MimeType"),
                text(document, "Size"), text(document, "Sha256")))
                .containsExactly("permit", "permit.pdf", "application/pdf", Integer.toString(PERMIT_SCAN.length),
                        Sha256.hex(PERMIT_SCAN));
        assertThat(text(document, "PermitNumber")).isEqualTo("KZ-WP-2026-000352");
        assertThat(result.digest()).isEqualTo(Sha256.hex(result.signed()));

        // the log: the signed bytes, the attachment, QUEUED with who asked, a DELIVER row, chained
        LogEntry entry = bench.log.find(result.messageId()).orElseThrow().entry();
        assertThat(entry.direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(List.of(entry.from(), entry.to(), entry.agreementId(), entry.documentType(), entry.conversationId(),
                entry.inReplyTo(), entry.created(), entry.digest()))
                .containsExactly(HUB, MIA, "AGR-KAZ-MIA", "PermitDecision", result.conversationId(), answered,
                        result.created(), result.digest());
        assertThat(entry.loggedAt()).isEqualTo(NOW);
        assertThat(entry.receiptDigest()).isNull();
        assertThat(entry.attachments()).containsExactly(new LoggedAttachment("permit", "permit.pdf", "application/pdf",
                PERMIT_SCAN.length, Sha256.hex(PERMIT_SCAN)));
        assertThat(bench.log.body(result.messageId())).hasValue(result.signed());
        assertThat(bench.log.attachment(Sha256.hex(PERMIT_SCAN))).hasValue(PERMIT_SCAN);
        assertThat(bench.log.history(result.messageId())).singleElement().satisfies(change -> {
            assertThat(change.state()).isEqualTo(MessageState.QUEUED);
            assertThat(change.note()).contains("operator alice", MIA);
        });
        assertThat(bench.jdbc.queryForList("SELECT kind FROM outbox WHERE message_id = ? AND done_at IS NULL",
                String.class, result.messageId())).containsExactly("DELIVER");
        assertThat(bench.chainIntact()).isTrue();
    }

    @Test
    void aGivenConversationAndAgreementAreKept() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        String conversation = UUID.randomUUID().toString();
        OutboundResult result = bench.issue(new OutboundRequest(MIA, "ComplianceAlert", conversation, null, "AGR-KAZ-MIA",
                bodyOf("ComplianceAlert"), List.of(), "process work-permit"));

        Document document = bench.verifier.verify(result.signed(), hubCa, VerificationOptions.defaults()).document();
        assertThat(text(document, "ConversationId")).isEqualTo(conversation).isEqualTo(result.conversationId());
        assertThat(document.getElementsByTagNameNS("urn:lmx:exchange:1", "InReplyTo").getLength()).isZero();
        assertThat(document.getElementsByTagNameNS("urn:lmx:exchange:1", "Attachments").getLength()).isZero();
    }

    @Test
    void theInboundDispatcherLeavesDeliveriesAlone() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        OutboundResult result = bench.issue(request(MIA, "PermitDecision", bodyOf("PermitDecision")));

        NotifyBuilder rounds = new NotifyBuilder(bench.camel).fromRoute("outbox-dispatcher").whenCompleted(3).create();
        assertThat(rounds.matches(10, TimeUnit.SECONDS)).isTrue();

        assertThat(bench.log.find(result.messageId()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(bench.count("outbox WHERE done_at IS NULL")).isEqualTo(1);
    }

    static Stream<Arguments> refusals() throws Exception {
        byte[] decision = bodyOf("PermitDecision");
        String text = utf8(decision);
        byte[] withoutDecision = text.replace("<Decision>GRANTED</Decision>", "").getBytes(StandardCharsets.UTF_8);
        OutboundAttachment badName = new OutboundAttachment("permit", "a/b.pdf", "application/pdf", PERMIT_SCAN);
        return Stream.of(
                refusal("an unknown recipient", request("KAZ:NOBODY", "PermitDecision", decision), "LMX-OUT-RECIPIENT"),
                refusal("the hub itself", request(HUB, "PermitDecision", decision), "LMX-OUT-RECIPIENT"),
                refusal("a type the agreement does not allow outbound",
                        request(MIA, "WorkPermitApplication", bodyOf("WorkPermitApplication")), "LMX-OUT-DOCUMENT-TYPE"),
                refusal("a Receipt", request(MIA, "Receipt", bodyOf("Receipt")), "LMX-OUT-DOCUMENT-TYPE"),
                refusal("a schema-invalid document", request(MIA, "PermitDecision", withoutDecision), "LMX-OUT-SCHEMA-INVALID"),
                refusal("an attachment whose file name the contract refuses", new OutboundRequest(MIA, "PermitDecision",
                        null, null, null, decision, List.of(badName), "test"), "LMX-OUT-SCHEMA-INVALID"),
                refusal("a document of another type than named", request(MIA, "PermitDecision", bodyOf("ComplianceAlert")),
                        "LMX-OUT-DOCUMENT"),
                refusal("a document that is not XML", request(MIA, "PermitDecision",
                        text.substring(0, 200).getBytes(StandardCharsets.UTF_8)), "LMX-OUT-DOCUMENT"),
                refusal("a document with a DOCTYPE", request(MIA, "PermitDecision",
                        ("<!DOCTYPE x [<!ENTITY e 'e'>]>" + text.replaceFirst("<\\?xml[^>]*>", "")).getBytes(StandardCharsets.UTF_8)),
                        "LMX-OUT-DOCUMENT"),
                refusal("a type outside the catalogue", request(MIA, "Nonsense", decision), "LMX-OUT-DOCUMENT-TYPE"),
                refusal("an agreement with another party", new OutboundRequest(MIA, "PermitDecision", null, null,
                        "AGR-KOR-MOEL", decision, List.of(), "test"), "LMX-OUT-AGREEMENT-PARTY"),
                refusal("an unknown agreement", new OutboundRequest(MIA, "PermitDecision", null, null, "AGR-NONE",
                        decision, List.of(), "test"), "LMX-OUT-AGREEMENT"),
                refusal("a conversation that is not a UUID", new OutboundRequest(MIA, "PermitDecision", "case-17", null,
                        null, decision, List.of(), "test"), "LMX-OUT-REQUEST"),
                refusal("no document", request(MIA, "PermitDecision", null), "LMX-OUT-REQUEST"),
                refusal("an empty attachment", new OutboundRequest(MIA, "PermitDecision", null, null, null, decision,
                        List.of(new OutboundAttachment("permit", "permit.pdf", "application/pdf", new byte[0])), "test"),
                        "LMX-OUT-REQUEST"));
    }

    private static Arguments refusal(String name, OutboundRequest request, String code) {
        return arguments(Named.of(name, request), code);
    }

    @ParameterizedTest
    @MethodSource("refusals")
    void aRefusedRequestLeavesNothing(OutboundRequest request, String code) throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");

        assertRefused(bench.send(request), code);
    }

    @Test
    void nothingIsIssuedUnderASuspendedAgreement() throws Exception {
        AgreementFiles.write(agreements, "queue-KAZ-MIA-v2.xml", AgreementFiles.withStatus(
                AgreementFiles.withVersion(AgreementFiles.example(AgreementFiles.MIA), 2), "SUSPENDED"));
        bench = new OutboundBench(agreements).start("agency-delivery");

        Exchange refused = bench.send(request(MIA, "PermitDecision", bodyOf("PermitDecision")));

        assertRefused(refused, "LMX-OUT-AGREEMENT-NOT-ACTIVE");
        assertThat(refused.getException()).hasMessageContaining("SUSPENDED");
    }

    @Test
    void aSchemaRefusalNamesEveryProblem() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        String text = utf8(bodyOf("PermitDecision"));
        byte[] twoProblems = text.replace("<Decision>GRANTED</Decision>", "")
                .replace("<Sex>M</Sex>", "<Sex>Q</Sex>").getBytes(StandardCharsets.UTF_8);

        Exchange refused = bench.send(request(MIA, "PermitDecision", twoProblems));

        assertRefused(refused, "LMX-OUT-SCHEMA-INVALID");
        assertThat(((OutboundRefusal) refused.getException()).problems()).hasSizeGreaterThanOrEqualTo(2)
                .anySatisfy(p -> assertThat(p).contains("Decision"))
                .anySatisfy(p -> assertThat(p).contains("Q"));
    }

    @Test
    void aFailureWhileLoggingLeavesNothingAndTheNextDocumentIsIssued() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery", "outbox-dispatcher");
        OutboundRequest withAttachment = new OutboundRequest(MIA, "PermitDecision", null, null, null,
                bodyOf("PermitDecision"), List.of(new OutboundAttachment("permit", "permit.pdf", "application/pdf",
                PERMIT_SCAN)), "test");
        // the outbox row is the last insert of the append: entry, attachment and history rows come before it
        bench.jdbc.execute("ALTER TABLE outbox RENAME TO outbox_away");

        Exchange failed = bench.send(withAttachment);

        assertThat(failed.getException()).isNotNull().isNotInstanceOf(OutboundRefusal.class);
        bench.jdbc.execute("ALTER TABLE outbox_away RENAME TO outbox");
        assertNothingKept();
        assertThat(bench.jdbc.queryForObject("SELECT last_seq FROM log_chain", Long.class)).isZero();

        OutboundResult issued = bench.issue(withAttachment);
        assertThat(bench.log.find(issued.messageId()).orElseThrow().entry().seq()).isEqualTo(1);
        assertThat(bench.chainIntact()).isTrue();
    }

    // ---- keyed requests: asking again after a lost answer issues nothing new ----

    @Test
    void aRepeatedKeyedRequestGetsTheDocumentIssuedTheFirstTime() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        OutboundRequest request = request(MIA, "PermitDecision", bodyOf("PermitDecision")).withRequestKey("case-17/decision");

        OutboundResult first = bench.issue(request);
        OutboundResult again = bench.issue(request);

        assertThat(first.repeated()).isFalse();
        assertThat(again.repeated()).isTrue();
        assertThat(List.of(again.messageId(), again.conversationId(), again.digest(), again.created()))
                .containsExactly(first.messageId(), first.conversationId(), first.digest(), first.created());
        assertThat(again.signed()).isEqualTo(first.signed());
        assertThat(List.of(bench.count("message_log"), bench.count("outbox"), bench.count("outbound_request")))
                .containsOnly(1);
        // a request without a key is a new document each time
        assertThat(bench.issue(request(MIA, "PermitDecision", bodyOf("PermitDecision"))).messageId())
                .isNotEqualTo(first.messageId());
    }

    @Test
    void theSameKeyForAnotherRequestIsRefusedAndKeepsNothing() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        OutboundResult first = bench.issue(alert(UUID.randomUUID().toString()).withRequestKey("alert-1"));

        Exchange refused = bench.send(alert(UUID.randomUUID().toString()).withRequestKey("alert-1"));

        assertThat(refused.getException()).isInstanceOf(OutboundRefusal.class)
                .hasMessageContaining("alert-1").hasMessageContaining(first.messageId());
        assertThat(((OutboundRefusal) refused.getException()).code()).isEqualTo("LMX-OUT-KEY-CONFLICT");
        assertThat(bench.count("message_log")).isEqualTo(1);
    }

    @Test
    void aKeyOutOfItsFormIsRefused() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");

        assertRefused(bench.send(alert(UUID.randomUUID().toString()).withRequestKey("two words")), "LMX-OUT-REQUEST");
    }

    @Test
    void keyedRequestsRacingEachOtherIssueOneDocument() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        OutboundRequest request = alert(UUID.randomUUID().toString()).withRequestKey("race");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<OutboundResult>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(callers.submit(() -> bench.issue(request)));
            }
            Set<String> ids = new HashSet<>();
            for (Future<OutboundResult> result : results) {
                ids.add(result.get().messageId());
            }
            assertThat(ids).hasSize(1);
            assertThat(List.of(bench.count("message_log"), bench.count("outbox"))).containsOnly(1);
            assertThat(bench.chainIntact()).isTrue();
        } finally {
            callers.shutdownNow();
        }
    }

    // ---- delivery to agencies ----

    @Test
    void aQueuedDocumentGoesToTheAgencysInQueueAsItsSignedBytesWithPropertiesToRouteOn() throws Exception {
        bench = new OutboundBench(agreements).start();
        MockEndpoint agency = bench.camel.getEndpoint(AGENCY, MockEndpoint.class);
        String answered = UUID.randomUUID().toString();

        OutboundResult result = bench.issue(new OutboundRequest(MIA, "PermitDecision", null, answered, null,
                bodyOf("PermitDecision"), List.of(), "test"));

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.log.find(result.messageId()).orElseThrow().state()
                == MessageState.SENT);
        assertThat(agency.getReceivedExchanges()).hasSize(1);
        Message sent = agency.getReceivedExchanges().get(0).getMessage();
        assertThat(sent.getBody(byte[].class)).isEqualTo(result.signed());
        assertThat(sent.getHeader(JmsConstants.JMS_DESTINATION_NAME)).isEqualTo("lmx.agency.MIA.in");
        assertThat(List.of(sent.getHeader("lmxMessageId"), sent.getHeader("lmxDocumentType"),
                sent.getHeader("lmxConversationId"), sent.getHeader("JMSXGroupID"), sent.getHeader("lmxInReplyTo"),
                sent.getHeader("JMSCorrelationID")))
                .containsExactly(result.messageId(), "PermitDecision", result.conversationId(), result.conversationId(),
                        answered, answered);
        assertThat(bench.log.history(result.messageId())).extracting(StateChange::state)
                .containsExactly(MessageState.QUEUED, MessageState.SENT);
        assertThat(bench.log.history(result.messageId()).get(1).note()).isEqualTo("put on lmx.agency.MIA.in");
        assertThat(bench.count("outbox WHERE done_at IS NULL")).isZero();
    }

    @Test
    void documentsLeaveInTheOrderTheyWereIssued() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        List<String> issued = new ArrayList<>();
        for (String conversation : List.of(first, second, first, first, second)) {
            issued.add(bench.issue(new OutboundRequest(MIA, "ComplianceAlert", conversation, null, null,
                    bodyOf("ComplianceAlert"), List.of(), "test")).messageId());
        }

        bench.camel.getRouteController().startRoute("agency-delivery");

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.count("outbox WHERE done_at IS NULL") == 0);
        assertThat(bench.camel.getEndpoint(AGENCY, MockEndpoint.class).getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader("lmxMessageId", String.class))
                .containsExactlyElementsOf(issued);
    }

    @Test
    void aDocumentTheBrokerDoesNotTakeIsRetriedWithTheAgreementsBackoffAndHoldsBackItsConversationOnly() throws Exception {
        bench = new OutboundBench(agreements).start("agency-delivery");
        String held = UUID.randomUUID().toString();
        OutboundResult firstHeld = bench.issue(alert(held));
        OutboundResult other = bench.issue(alert(UUID.randomUUID().toString()));
        OutboundResult secondHeld = bench.issue(alert(held));
        AtomicBoolean brokerRefuses = new AtomicBoolean(true);
        List<String> attempts = new CopyOnWriteArrayList<>();
        List<String> taken = brokerThatRefuses(held, brokerRefuses, attempts);

        bench.camel.getRouteController().startRoute("agency-delivery");

        // the other conversation goes on; the first held document waits for its next attempt, 10 s later (AGR-KAZ-MIA)
        await().atMost(Duration.ofSeconds(10)).until(() -> state(other) == MessageState.SENT
                && state(firstHeld) == MessageState.RETRYING);
        assertThat(bench.log.history(firstHeld.messageId()).get(1).note())
                .contains("attempt 1 of 12 failed", "AMQ219014", "next attempt at " + NOW.plusSeconds(10));
        bench.clock.advance(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> attempts.stream().filter(firstHeld.messageId()::equals).count() == 2);
        assertThat(attempts).doesNotContain(secondHeld.messageId());
        assertThat(state(secondHeld)).isEqualTo(MessageState.QUEUED);
        assertThat(bench.jdbc.queryForList("SELECT message_id FROM outbox WHERE done_at IS NULL ORDER BY id", String.class))
                .containsExactly(firstHeld.messageId(), secondHeld.messageId());

        brokerRefuses.set(false);
        bench.clock.advance(Duration.ofSeconds(20)); // the second wait: 10 s doubled

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.count("outbox WHERE done_at IS NULL") == 0);
        assertThat(taken).containsExactly(other.messageId(), firstHeld.messageId(), secondHeld.messageId());
        assertThat(bench.log.history(firstHeld.messageId())).extracting(StateChange::state)
                .containsExactly(MessageState.QUEUED, MessageState.RETRYING, MessageState.RETRYING, MessageState.SENT);
        assertThat(bench.log.history(firstHeld.messageId()).get(3).note()).isEqualTo("put on lmx.agency.MIA.in (attempt 3)");
        assertThat(bench.log.history(secondHeld.messageId())).extracting(StateChange::state)
                .containsExactly(MessageState.QUEUED, MessageState.SENT);
    }

    @Test
    void aDocumentTheBrokerNeverTakesIsFailedAfterTheAgreementsMaximumAndAnOperatorsRetrySendsIt() throws Exception {
        bench = new OutboundBench(agreements, dir -> AgreementFiles.write(dir, AgreementFiles.MIA, AgreementFiles.edit(
                AgreementFiles.example(AgreementFiles.MIA), "<MaxAttempts>12</MaxAttempts>", "<MaxAttempts>2</MaxAttempts>")))
                .start("agency-delivery");
        String conversation = UUID.randomUUID().toString();
        OutboundResult failing = bench.issue(alert(conversation));
        AtomicBoolean brokerRefuses = new AtomicBoolean(true);
        List<String> taken = brokerThatRefuses(conversation, brokerRefuses, new CopyOnWriteArrayList<>());
        bench.camel.getRouteController().startRoute("agency-delivery");

        await().atMost(Duration.ofSeconds(10)).until(() -> state(failing) == MessageState.RETRYING);
        bench.clock.advance(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(10)).until(() -> state(failing) == MessageState.FAILED);
        assertThat(bench.log.history(failing.messageId()).get(2).note()).startsWith("attempt 2 of 2 failed: ")
                .contains("AMQ219014");
        DeliveryAttempts rows = new DeliveryAttempts(bench.jdbc, bench.clock);
        assertThat(rows.of(failing.messageId()).orElseThrow().lastError()).contains("AMQ219014");
        assertThat(bench.count("outbox WHERE done_at IS NULL")).isZero(); // a dead letter

        brokerRefuses.set(false);
        new TransactionTemplate(bench.db.transactions()).executeWithoutResult(status -> { // what the operator's retry does
            assertThat(rows.reopen(failing.messageId())).isTrue();
            bench.log.changeState(failing.messageId(), MessageState.QUEUED, "retry by operator");
        });

        await().atMost(Duration.ofSeconds(10)).until(() -> state(failing) == MessageState.SENT);
        assertThat(taken).containsExactly(failing.messageId());
    }

    /** The agency's queue as a mock broker that refuses the documents of {@code conversation} while told to. */
    private List<String> brokerThatRefuses(String conversation, AtomicBoolean refuses, List<String> attempts) {
        List<String> taken = new CopyOnWriteArrayList<>();
        bench.camel.getEndpoint(AGENCY, MockEndpoint.class).whenAnyExchangeReceived(e -> {
            String id = e.getMessage().getHeader("lmxMessageId", String.class);
            attempts.add(id);
            if (refuses.get() && conversation.equals(e.getMessage().getHeader("lmxConversationId"))) {
                throw new IllegalStateException("AMQ219014: timed out waiting for the broker");
            }
            taken.add(id);
        });
        return taken;
    }

    private MessageState state(OutboundResult issued) {
        return bench.log.find(issued.messageId()).orElseThrow().state();
    }

    @Test
    void documentsForSoapPartnersStayQueuedForTheirOwnDelivery() throws Exception {
        bench = new OutboundBench(agreements).start();
        OutboundResult korea = bench.issue(request("KOR:MOEL", "InformationRequest", bodyOf("InformationRequest")));
        OutboundResult police = bench.issue(request(MIA, "InformationRequest", bodyOf("InformationRequest")));

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.log.find(police.messageId()).orElseThrow().state()
                == MessageState.SENT);
        NotifyBuilder rounds = new NotifyBuilder(bench.camel).fromRoute("agency-delivery").whenCompleted(3).create();
        assertThat(rounds.matches(10, TimeUnit.SECONDS)).isTrue();

        assertThat(bench.log.find(korea.messageId()).orElseThrow().state()).isEqualTo(MessageState.QUEUED);
        assertThat(bench.jdbc.queryForList("SELECT message_id FROM outbox WHERE done_at IS NULL", String.class))
                .containsExactly(korea.messageId());
        assertThat(bench.camel.getEndpoint(AGENCY, MockEndpoint.class).getReceivedExchanges())
                .extracting(e -> e.getMessage().getHeader("lmxMessageId", String.class))
                .containsExactly(police.messageId());
    }

    @Test
    void aDocumentReceiptedBeforeItsRowWasDoneIsNotSentAgain() throws Exception {
        // as after a crash between the broker taking it and the commit: the agency answered, the row is still there
        bench = new OutboundBench(agreements).start("agency-delivery");
        OutboundResult result = bench.issue(request(MIA, "PermitDecision", bodyOf("PermitDecision")));
        assertThat(bench.reconciler.reconcile(bench.accepted(result.signed()), MIA).status())
                .isEqualTo(ReceiptReconciler.Reconciliation.Status.RECONCILED);

        bench.camel.getRouteController().startRoute("agency-delivery");

        await().atMost(Duration.ofSeconds(10)).until(() -> bench.count("outbox WHERE done_at IS NULL") == 0);
        assertThat(bench.camel.getEndpoint(AGENCY, MockEndpoint.class).getReceivedExchanges()).isEmpty();
        assertThat(bench.log.history(result.messageId())).extracting(StateChange::state)
                .containsExactly(MessageState.QUEUED, MessageState.DELIVERED);
    }

    private static OutboundRequest alert(String conversation) throws Exception {
        return new OutboundRequest(MIA, "ComplianceAlert", conversation, null, null, bodyOf("ComplianceAlert"),
                List.of(), "test");
    }

    private void assertRefused(Exchange exchange, String code) {
        assertThat(exchange.getException()).isInstanceOf(OutboundRefusal.class);
        OutboundRefusal refusal = (OutboundRefusal) exchange.getException();
        assertThat(refusal.code()).as(refusal.getMessage()).isEqualTo(code);
        assertThat(refusal.getMessage()).isNotBlank();
        assertNothingKept();
    }

    private void assertNothingKept() {
        assertThat(List.of(bench.count("message_log"), bench.count("message_event"), bench.count("message_attachment"),
                bench.count("attachment_content"), bench.count("outbox"), bench.count("outbound_request"))).containsOnly(0);
    }
}
