package org.lmx.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.lmx.routes.agreements.AgreementFiles.KOR;
import static org.lmx.routes.agreements.AgreementFiles.example;
import static org.lmx.routes.agreements.AgreementFiles.withStatus;
import static org.lmx.routes.agreements.AgreementFiles.withVersion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.SizeLimits;
import org.lmx.routes.agreements.TestPki;
import org.lmx.routes.dispatch.OutboxDispatchRoute;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.Outbox;
import org.lmx.routes.log.RejectionAudit;
import org.lmx.routes.log.StateChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The inbound routes in a real Camel context, with the outbox dispatcher, over an in-memory database, under the
 * committed agreements and at a time the test controls. Documents are the committed samples, edited and signed
 * at run time by the development PKI's parties; every answer is checked as a partner would check it (the hub's
 * signature, status, code, digest, InReplyTo), and the database afterwards.
 */
class InboundRouteTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final String HUB = "KAZ:MLSP";
    private static final String LMX = "urn:lmx:exchange:1";
    private static final long KIB = 1024;
    private static final long MIB = 1024 * KIB;
    private static final byte[] CONTRACT = "%PDF-1.7 employment contract, signed by both parties".getBytes(StandardCharsets.UTF_8);

    private static Credential korea;
    private static Credential uzbekistan;
    private static Credential hub;
    private static TrustAnchors hubCa;

    @TempDir
    Path agreements;

    private TestClock clock;
    private RegistryDatabase.Database db;
    private JdbcTemplate jdbc;
    private AgreementRegistry registry;
    private MessageLog log;
    private CamelContext camel;
    private ProducerTemplate producer;

    @BeforeAll
    static void parties() throws Exception {
        PkiDirectory pki = PkiDirectory.open(TestPki.dir());
        korea = pki.credential("KOR:MOEL");
        uzbekistan = pki.credential("UZB:MEHNAT");
        hub = pki.credential(HUB);
        hubCa = TrustAnchors.authority(pki.ca().certificate());
    }

    @BeforeEach
    void startRoutes() throws Exception {
        clock = new TestClock(NOW, ZoneOffset.ofHours(5));
        db = RegistryDatabase.pooled(20);
        jdbc = db.jdbc();
        AgreementFiles.copyExamples(agreements);
        registry = new AgreementRegistry(jdbc, agreements, TestPki.dir(), clock);
        assertThat(registry.reload("test").refused()).isEmpty();
        log = new MessageLog(jdbc, db.transactions(), clock);
        // small attachment ceiling, so that a part over it is a few KiB
        InboundChecks checks = new InboundChecks(registry, new SignatureVerifier(CrlSource.NONE), HUB,
                new SizeLimits(10 * MIB, KIB, 50 * MIB));
        camel = new DefaultCamelContext();
        camel.addRoutes(new InboundRoute(checks, log, new RejectionAudit(jdbc), new ReceiptIssuer(hub, HUB, clock), clock));
        camel.addRoutes(new OutboxDispatchRoute(new Outbox(jdbc, clock), log, db.transactions(), 20, 10));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stopRoutes() throws Exception {
        camel.close();
        db.close();
    }

    // ---- accepted, resent, conflict ----

    @Test
    void aFirstSeenPingIsAcceptedLoggedWithItsExactBytesAndThenDispatched() throws Exception {
        // a whole minute: Created ends in ":00", which the log keeps as written
        DocumentDraft draft = korea("Ping.xml").header("Created", created(NOW.truncatedTo(ChronoUnit.MINUTES)));
        byte[] ping = draft.signedBy(korea);
        String id = draft.header("MessageId");

        InboundResult result = submit(ping);

        assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);
        Document receipt = assertReceipt(result, ping, id, "ACCEPTED");
        assertThat(OffsetDateTime.parse(text(receipt, "ReceivedAt")).toInstant()).isEqualTo(NOW);
        assertThat(text(receipt, "To")).isEqualTo("KOR:MOEL");
        assertThat(text(receipt, "ConversationId")).isEqualTo(draft.header("ConversationId"));

        LogEntry entry = log.find(id).orElseThrow().entry();
        assertThat(entry.seq()).isEqualTo(1);
        assertThat(entry.direction()).isEqualTo(Direction.INBOUND);
        assertThat(List.of(entry.from(), entry.to(), entry.agreementId(), entry.documentType(), entry.conversationId()))
                .containsExactly("KOR:MOEL", HUB, "AGR-KOR-MOEL", "Ping", draft.header("ConversationId"));
        assertThat(entry.created()).isEqualTo(draft.header("Created")).endsWith(":00+09:00");
        assertThat(entry.digest()).isEqualTo(Sha256.hex(ping));
        assertThat(entry.size()).isEqualTo(ping.length);
        assertThat(entry.loggedAt()).isEqualTo(NOW);
        assertThat(entry.receiptDigest()).isEqualTo(Sha256.hex(result.answer()));
        assertThat(log.body(id)).hasValue(ping);
        assertThat(log.receipt(id)).hasValue(result.answer());
        assertThat(jdbc.queryForList("SELECT message_id FROM outbox", String.class)).containsExactly(id);
        assertThat(count("rejection")).isZero();

        await().atMost(Duration.ofSeconds(10)).until(() -> log.find(id).orElseThrow().state() == MessageState.DISPATCHED);
        assertThat(log.history(id)).extracting(StateChange::state).containsExactly(MessageState.ACCEPTED, MessageState.DISPATCHED);
        assertThat(count("outbox WHERE done_at IS NULL")).isZero();
        assertChainIntact(1);
    }

    @Test
    void aResendGetsTheFirstReceiptByteForByteAfterTheSkewWindowAndAfterSuspension() throws Exception {
        DocumentDraft draft = korea("Ping.xml");
        byte[] ping = draft.signedBy(korea);
        InboundResult first = submit(ping);
        assertThat(first.outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);

        assertResent(submit(ping), first);

        // two days on, the same Created is outside the 24 h window: new bytes would be a replay, the resend is not
        clock.advance(Duration.ofDays(2));
        DocumentDraft late = korea("Ping.xml");
        byte[] lateBytes = late.signedBy(korea);
        assertRejected(submit(lateBytes), lateBytes, late.header("MessageId"), "LMX-MSG-REPLAY");
        assertResent(submit(ping), first);

        // then the agreement is suspended: new messages are refused, the resend still gets its receipt
        AgreementFiles.write(agreements, "soap-push-KOR-MOEL-v2.xml", withStatus(withVersion(example(KOR), 2), "SUSPENDED"));
        assertThat(registry.reload("operator").refused()).isEmpty();
        DocumentDraft suspended = korea("Ping.xml").header("Created", created(clock.instant()));
        byte[] suspendedBytes = suspended.signedBy(korea);
        assertRejected(submit(suspendedBytes), suspendedBytes, suspended.header("MessageId"), "LMX-AGR-NOT-ACTIVE");
        assertResent(submit(ping), first);

        assertThat(count("message_log")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT code FROM rejection ORDER BY id", String.class))
                .containsExactly("LMX-MSG-REPLAY", "LMX-AGR-NOT-ACTIVE");
        assertChainIntact(1);
    }

    @Test
    void copiesSentAtTheSameTimeAreLoggedOnceAndAllGetTheSameReceipt() throws Exception {
        byte[] ping = korea("Ping.xml").signedBy(korea);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<InboundResult> results = new ArrayList<>();
        try {
            List<Callable<InboundResult>> copies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                copies.add(() -> submit(ping));
            }
            for (Future<InboundResult> f : senders.invokeAll(copies)) {
                results.add(f.get());
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(results).extracting(InboundResult::outcome).containsOnlyOnce(InboundResult.Outcome.ACCEPTED)
                .containsOnly(InboundResult.Outcome.ACCEPTED, InboundResult.Outcome.RESENT);
        byte[] receipt = results.get(0).answer();
        assertThat(results).allSatisfy(r -> assertThat(r.answer()).isEqualTo(receipt));
        assertThat(count("message_log")).isEqualTo(1);
        assertThat(count("outbox")).isEqualTo(1);
        assertThat(count("rejection")).isZero();
    }

    @Test
    void theSameMessageIdWithOtherBytesIsAConflictAndChangesNothing() throws Exception {
        DocumentDraft draft = korea("Ping.xml");
        byte[] first = draft.signedBy(korea);
        String id = draft.header("MessageId");
        assertThat(submit(first).outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);
        String head = jdbc.queryForObject("SELECT last_hash FROM log_chain", String.class);

        byte[] other = draft.bodyText("Text", "the same MessageId, another text").signedBy(korea);
        assertRejected(submit(other), other, id, "LMX-MSG-CONFLICT");

        assertThat(count("message_log")).isEqualTo(1);
        assertThat(log.body(id)).hasValue(first);
        assertThat(jdbc.queryForObject("SELECT last_hash FROM log_chain", String.class)).isEqualTo(head);
        assertThat(jdbc.queryForList("SELECT code FROM rejection WHERE message_id = ? AND digest = ?", String.class,
                id, Sha256.hex(other))).containsExactly("LMX-MSG-CONFLICT");
        assertThat(count("rejection")).isEqualTo(1);
    }

    @Test
    void aRejectedDocumentLeavesOnlyARejectionAndItsCorrectionIsAccepted() throws Exception {
        DocumentDraft draft = korea("Ping.xml").header("To", "KAZ:MIA");
        byte[] wrong = draft.signedBy(korea);
        String id = draft.header("MessageId");
        assertRejected(submit(wrong), wrong, id, "LMX-HDR-TO");
        assertOnlyTheRejection(id, "LMX-HDR-TO");

        byte[] corrected = draft.header("To", HUB).signedBy(korea);
        InboundResult result = submit(corrected);
        assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);
        assertReceipt(result, corrected, id, "ACCEPTED");
        assertThat(log.body(id)).hasValue(corrected);
        assertThat(count("rejection")).isEqualTo(1);
    }

    // ---- attachments and sizes ----

    @Test
    void aDeclaredAttachmentSentAsDeclaredIsKeptUnderItsSha256() throws Exception {
        DocumentDraft draft = contractRegistration(CONTRACT);
        byte[] signed = draft.signedBy(korea);
        String id = draft.header("MessageId");

        InboundResult result = submit(signed, new ReceivedAttachment("contract", CONTRACT));

        assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);
        assertReceipt(result, signed, id, "ACCEPTED");
        String sha256 = Sha256.hex(CONTRACT);
        assertThat(log.attachment(sha256)).hasValue(CONTRACT);
        assertThat(log.messagesWithAttachment(sha256)).containsExactly(id);
        assertThat(log.find(id).orElseThrow().entry().attachments()).containsExactly(
                new LoggedAttachment("contract", "contract.pdf", "application/pdf", CONTRACT.length, sha256));
        assertChainIntact(1);
    }

    @Test
    void aDeclaredAttachmentThatIsNotSentIsMissing() throws Exception {
        DocumentDraft draft = contractRegistration(CONTRACT);
        byte[] signed = draft.signedBy(korea);
        assertRejected(submit(signed), signed, draft.header("MessageId"), "LMX-ATT-MISSING");
        assertOnlyTheRejection(draft.header("MessageId"), "LMX-ATT-MISSING");
    }

    @Test
    void anAttachmentWithOtherBytesThanDeclaredIsAltered() throws Exception {
        DocumentDraft draft = contractRegistration(CONTRACT);
        byte[] signed = draft.signedBy(korea);
        byte[] altered = CONTRACT.clone();
        altered[altered.length - 1] ^= 0x01;
        assertRejected(submit(signed, new ReceivedAttachment("contract", altered)), signed, draft.header("MessageId"),
                "LMX-ATT-ALTERED");
        assertOnlyTheRejection(draft.header("MessageId"), "LMX-ATT-ALTERED");
    }

    @Test
    void aPartTheHeaderDoesNotDeclareIsUndeclared() throws Exception {
        DocumentDraft draft = contractRegistration(CONTRACT);
        byte[] signed = draft.signedBy(korea);
        InboundResult result = submit(signed, new ReceivedAttachment("contract", CONTRACT),
                new ReceivedAttachment("extra", "smuggled".getBytes(StandardCharsets.UTF_8)));
        assertRejected(result, signed, draft.header("MessageId"), "LMX-ATT-UNDECLARED");
        assertOnlyTheRejection(draft.header("MessageId"), "LMX-ATT-UNDECLARED");
    }

    @Test
    void aPartOverTheHubsAttachmentCeilingIsRefusedNamingTheMessage() throws Exception {
        byte[] big = new byte[(int) (2 * KIB)];
        Arrays.fill(big, (byte) 'x');
        DocumentDraft draft = contractRegistration(big);
        byte[] signed = draft.signedBy(korea);
        // parts do not affect parsing, so they are measured once the header is read and the receipt names the message
        assertRejected(submit(signed, new ReceivedAttachment("contract", big)), signed, draft.header("MessageId"), "LMX-ATT-TOO-LARGE");
        assertOnlyTheRejection(draft.header("MessageId"), "LMX-ATT-TOO-LARGE");
    }

    @Test
    void aDocumentOverTheHubsCeilingIsRefusedBeforeParsing() throws Exception {
        // not XML at all: a parser would call it malformed, so the size check came first
        byte[] huge = new byte[(int) (10 * MIB) + 1];
        Arrays.fill(huge, (byte) '<');
        assertRejected(submit(huge), huge, null, "LMX-XML-TOO-LARGE");
        assertOnlyTheRejection(null, "LMX-XML-TOO-LARGE");
    }

    @Test
    void bytesThatAreNotXmlStillGetASignedReceipt() throws Exception {
        byte[] junk = "not xml at all".getBytes(StandardCharsets.UTF_8);
        Document receipt = assertRejected(submit(junk), junk, null, "LMX-XML-MALFORMED");
        assertThat(text(receipt, "To")).isEqualTo(ReceiptIssuer.UNKNOWN_PARTY);
        assertOnlyTheRejection(null, "LMX-XML-MALFORMED");
    }

    // ---- header, body and agreement rules ----

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                rule("LMX-HDR-DOCUMENT-TYPE", "DocumentType names another document",
                        () -> korea("Ping.xml").header("DocumentType", "StatusRequest")),
                rule("LMX-HDR-TO", "To is not the hub", () -> korea("Ping.xml").header("To", "KAZ:MIA")),
                rule("LMX-HDR-FROM", "From is not the signer", () -> korea("Ping.xml").header("From", "UZB:MEHNAT")),
                rule("LMX-AGR-UNKNOWN", "no such agreement", () -> korea("Ping.xml").header("AgreementId", "AGR-XYZ-NONE")),
                rule("LMX-AGR-PARTY", "another party's agreement",
                        () -> korea("Ping.xml").header("AgreementId", "AGR-UZB-MEHNAT")),
                // Korea's agreement does not let Korea send the hub's own PermitDecision
                rule("LMX-AGR-DOCUMENT-TYPE", "a type the agreement does not allow", () -> korea("PermitDecision.xml")),
                rule("LMX-MSG-REPLAY", "Created 25 h ago",
                        () -> korea("Ping.xml").header("Created", created(NOW.minus(Duration.ofHours(25))))),
                rule("LMX-MSG-REPLAY", "Created 25 h ahead",
                        () -> korea("Ping.xml").header("Created", created(NOW.plus(Duration.ofHours(25))))));
    }

    @ParameterizedTest(name = "{1} -> {0}")
    @MethodSource("brokenRules")
    void aDocumentBreakingARuleIsRejectedWithItsOwnCode(String code, Supplier<DocumentDraft> edit) throws Exception {
        DocumentDraft draft = edit.get();
        byte[] signed = draft.signedBy(korea);
        assertRejected(submit(signed), signed, draft.header("MessageId"), code);
        assertOnlyTheRejection(draft.header("MessageId"), code);
    }

    @Test
    void anOfferedReceiptIsNeitherLoggedNorReceipted() throws Exception {
        byte[] receipt = korea("Receipt.xml").signedBy(korea);
        InboundResult result = submit(receipt);
        assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.RECEIPT_OFFERED);
        assertThat(result.answer()).isNull();
        assertThat(result.rejection()).isEmpty();
        assertThat(List.of(count("message_log"), count("outbox"), count("rejection"))).containsOnly(0);
    }

    @Test
    void aFailureInsideTheHubIsAnInternalRejectionAndLeavesNothingHalfStored() throws Exception {
        // the outbox row is the last insert of the append: entry, attachment and history rows come before it
        camel.getRouteController().stopRoute("outbox-dispatcher");
        jdbc.execute("ALTER TABLE outbox RENAME TO outbox_away");
        DocumentDraft draft = contractRegistration(CONTRACT);
        byte[] signed = draft.signedBy(korea);
        String id = draft.header("MessageId");

        assertRejected(submit(signed, new ReceivedAttachment("contract", CONTRACT)), signed, id, "LMX-HUB-INTERNAL");
        assertThat(List.of(count("message_log"), count("message_attachment"), count("attachment_content"),
                count("message_event"), count("log_chain WHERE last_seq = 0"))).containsExactly(0, 0, 0, 0, 1);
        assertThat(jdbc.queryForList("SELECT code FROM rejection WHERE message_id = ?", String.class, id))
                .containsExactly("LMX-HUB-INTERNAL");

        // nothing of it was kept, so the same bytes are accepted once the hub is mended
        jdbc.execute("ALTER TABLE outbox_away RENAME TO outbox");
        assertThat(submit(signed, new ReceivedAttachment("contract", CONTRACT)).outcome())
                .isEqualTo(InboundResult.Outcome.ACCEPTED);
        assertChainIntact(1);
    }

    // ---- GetStatus ----

    @Test
    void aStatusRequestGetsASignedReportOfTheRequestersOwnMessagesOnly() throws Exception {
        DocumentDraft ping = korea("Ping.xml");
        String pingId = ping.header("MessageId");
        assertThat(submit(ping.signedBy(korea)).outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> log.find(pingId).orElseThrow().state() == MessageState.DISPATCHED);
        String unknown = UUID.randomUUID().toString();

        DocumentDraft request = korea("StatusRequest.xml").bodyList("MessageId", pingId, unknown);
        Document report = assertStatusReport(askStatus(request.signedBy(korea)), request, "KOR:MOEL");
        Map<String, Element> statuses = statuses(report);
        assertThat(statuses.keySet()).containsExactly(pingId, unknown);
        Element known = statuses.get(pingId);
        assertThat(List.of(text(known, "State"), text(known, "Direction"), text(known, "DocumentType"),
                text(known, "ConversationId"))).containsExactly("DISPATCHED", "INBOUND", "Ping", ping.header("ConversationId"));
        assertThat(OffsetDateTime.parse(text(known, "Since")).toInstant()).isEqualTo(NOW);
        assertThat(text(statuses.get(unknown), "State")).isEqualTo("UNKNOWN");

        // Uzbekistan asks about Korea's message under its own agreement: it is none of its business
        DocumentDraft nosy = DocumentDraft.sample("StatusRequest.xml").header("MessageId", UUID.randomUUID().toString())
                .header("AgreementId", "AGR-UZB-MEHNAT").header("From", "UZB:MEHNAT").header("Created", created(NOW))
                .bodyList("MessageId", pingId);
        Map<String, Element> answered = statuses(assertStatusReport(askStatus(nosy.signedBy(uzbekistan)), nosy, "UZB:MEHNAT"));
        assertThat(answered.keySet()).containsExactly(pingId);
        assertThat(text(answered.get(pingId), "State")).isEqualTo("UNKNOWN");
        assertThat(answered.get(pingId).getElementsByTagNameNS(LMX, "ConversationId").getLength()).isZero();

        // status requests are answered, not logged
        assertThat(count("message_log")).isEqualTo(1);
        assertThat(count("rejection")).isZero();
    }

    @Test
    void getStatusTakesOnlyAStatusRequest() throws Exception {
        DocumentDraft ping = korea("Ping.xml");
        byte[] signed = ping.signedBy(korea);
        assertRejected(askStatus(signed), signed, ping.header("MessageId"), "LMX-AGR-DOCUMENT-TYPE");
        assertOnlyTheRejection(ping.header("MessageId"), "LMX-AGR-DOCUMENT-TYPE");
    }

    // ---- FetchPending ----

    @Test
    void aPullPartnersFetchRequestIsCheckedAndAsksForItsSignerOnly() throws Exception {
        byte[] signed = uzbekistan("FetchRequest.xml").signedBy(uzbekistan);

        Object answer = fetch(signed);

        assertThat(answer).isEqualTo(new FetchQuestion("UZB:MEHNAT", "AGR-UZB-MEHNAT", 50,
                List.of("PermitDecision", "InformationRequest")));
        // fetch requests are answered, not logged
        assertThat(count("message_log")).isZero();
        assertThat(count("rejection")).isZero();
    }

    @Test
    void fetchPendingTakesOnlyAFetchRequest() throws Exception {
        DocumentDraft status = uzbekistan("StatusRequest.xml");
        byte[] signed = status.signedBy(uzbekistan);
        assertRejected((InboundResult) fetch(signed), signed, status.header("MessageId"), "LMX-AGR-DOCUMENT-TYPE");
        assertOnlyTheRejection(status.header("MessageId"), "LMX-AGR-DOCUMENT-TYPE");
    }

    @Test
    void aFetchRequestInThePullPartnersNameSignedByAnotherIsRejected() throws Exception {
        DocumentDraft request = uzbekistan("FetchRequest.xml");
        byte[] signed = request.signedBy(korea);
        assertRejected((InboundResult) fetch(signed), signed, request.header("MessageId"), "LMX-HDR-FROM");
    }

    @Test
    void aPushPartnerDoesNotFetchEvenWhenItsAgreementListsFetchRequest() throws Exception {
        DocumentDraft request = korea("FetchRequest.xml");
        byte[] signed = request.signedBy(korea);
        assertRejected((InboundResult) fetch(signed), signed, request.header("MessageId"), "LMX-AGR-DOCUMENT-TYPE");

        Path korean = agreements.resolve("soap-push-KOR-MOEL.xml");
        Files.writeString(korean, Files.readString(korean).replaceFirst("<Version>1</Version>", "<Version>2</Version>")
                .replaceFirst("<Inbound>", "<Inbound><DocumentType>FetchRequest</DocumentType>"));
        assertThat(registry.reload("test").refused()).isEmpty();
        assertThat(registry.current("AGR-KOR-MOEL").orElseThrow().allowsInbound("FetchRequest")).isTrue();
        DocumentDraft again = korea("FetchRequest.xml");
        byte[] signedAgain = again.signedBy(korea);

        assertRejected((InboundResult) fetch(signedAgain), signedAgain, again.header("MessageId"), "LMX-AGR-NOT-PULL");
    }

    // ---- documents ----

    /** A sample as Korea sends it now: a new MessageId, Korea's agreement, to the hub. */
    private static DocumentDraft korea(String sample) {
        return DocumentDraft.sample(sample).header("MessageId", UUID.randomUUID().toString())
                .header("AgreementId", "AGR-KOR-MOEL").header("From", "KOR:MOEL").header("To", HUB)
                .header("Created", created(NOW));
    }

    /** A sample as Uzbekistan sends it now: a new MessageId, its agreement, to the hub. */
    private static DocumentDraft uzbekistan(String sample) {
        return DocumentDraft.sample(sample).header("MessageId", UUID.randomUUID().toString())
                .header("AgreementId", "AGR-UZB-MEHNAT").header("From", "UZB:MEHNAT").header("To", HUB)
                .header("Created", created(NOW));
    }

    /** Korea registers a contract with one attachment, declared with the SHA-256 and size of {@code contract}. */
    private static DocumentDraft contractRegistration(byte[] contract) {
        return korea("EmploymentContractRegistration.xml").declare("contract", "contract.pdf", "application/pdf", contract);
    }

    private static String created(Instant at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(ZoneOffset.ofHours(9)));
    }

    private static Arguments rule(String code, String what, Supplier<DocumentDraft> draft) {
        return arguments(code, Named.of(what, draft));
    }

    // ---- calls ----

    private InboundResult submit(byte[] document, ReceivedAttachment... parts) {
        return producer.requestBody(InboundRoute.INBOUND, new InboundSubmission(document, List.of(parts), "TEST"),
                InboundResult.class);
    }

    private InboundResult askStatus(byte[] request) {
        return producer.requestBody(InboundRoute.STATUS_REQUEST, InboundSubmission.of(request, "TEST"), InboundResult.class);
    }

    /** A FetchQuestion when the request passes its checks, else its InboundResult. */
    private Object fetch(byte[] request) {
        return producer.requestBody(InboundRoute.FETCH_REQUEST, InboundSubmission.of(request, "TEST"));
    }

    // ---- what a partner checks ----

    /** The answer is a receipt signed by the hub about exactly these bytes. */
    private Document assertReceipt(InboundResult result, byte[] sent, String messageId, String status) throws Exception {
        Document receipt = signedByHub(result.answer());
        assertThat(text(receipt, "DocumentType")).isEqualTo("Receipt");
        assertThat(text(receipt, "Status")).isEqualTo(status);
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(sent)).isEqualTo(result.digest());
        assertThat(text(receipt, "ReceivedMessageId")).isEqualTo(messageId == null ? ReceiptIssuer.UNKNOWN_MESSAGE : messageId);
        if (messageId == null) {
            assertThat(receipt.getElementsByTagNameNS(LMX, "InReplyTo").getLength()).isZero();
        } else {
            assertThat(text(receipt, "InReplyTo")).isEqualTo(messageId);
        }
        return receipt;
    }

    private Document assertRejected(InboundResult result, byte[] sent, String messageId, String code) throws Exception {
        assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.REJECTED);
        assertThat(result.rejection().orElseThrow().code()).isEqualTo(code);
        Document receipt = assertReceipt(result, sent, messageId, "REJECTED");
        assertThat(text(receipt, "Code")).isEqualTo(code);
        assertThat(text(receipt, "Reason")).isNotBlank();
        return receipt;
    }

    private static void assertResent(InboundResult resend, InboundResult first) {
        assertThat(resend.outcome()).isEqualTo(InboundResult.Outcome.RESENT);
        assertThat(resend.rejection()).isEmpty();
        assertThat(resend.answer()).isEqualTo(first.answer());
    }

    private Document assertStatusReport(InboundResult result, DocumentDraft request, String requester) throws Exception {
        assertThat(result.outcome()).isEqualTo(InboundResult.Outcome.ACCEPTED);
        Document report = signedByHub(result.answer());
        assertThat(text(report, "DocumentType")).isEqualTo("StatusReport");
        assertThat(text(report, "To")).isEqualTo(requester);
        assertThat(text(report, "InReplyTo")).isEqualTo(request.header("MessageId"));
        return report;
    }

    private Document signedByHub(byte[] answer) throws Exception {
        assertThat(answer).isNotNull();
        return new SignatureVerifier(CrlSource.NONE)
                .verify(answer, hubCa, VerificationOptions.defaults().at(clock.instant()).expectParty(HUB)).document();
    }

    private static Map<String, Element> statuses(Document report) {
        Map<String, Element> byId = new LinkedHashMap<>();
        NodeList statuses = report.getElementsByTagNameNS(LMX, "MessageStatus");
        for (int i = 0; i < statuses.getLength(); i++) {
            Element status = (Element) statuses.item(i);
            byId.put(text(status, "MessageId"), status);
        }
        return byId;
    }

    // ---- what the database holds ----

    /** Nothing of the rejected document in the log, its attachments or the outbox; one line in the rejection audit. */
    private void assertOnlyTheRejection(String messageId, String code) {
        assertThat(List.of(count("message_log"), count("message_attachment"), count("attachment_content"),
                count("message_event"), count("outbox"))).containsOnly(0);
        assertThat(jdbc.queryForObject("SELECT last_seq FROM log_chain", Long.class)).isZero();
        List<Map<String, Object>> rejections = jdbc.queryForList("SELECT message_id, code FROM rejection");
        assertThat(rejections).hasSize(1);
        assertThat(rejections.get(0).get("message_id")).isEqualTo(messageId);
        assertThat(rejections.get(0).get("code")).isEqualTo(code);
    }

    private void assertChainIntact(long entries) {
        LogVerification verification = new LogVerifier(jdbc, log).verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesVerified()).isEqualTo(entries);
    }

    private int count(String tableAndCondition) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndCondition, Integer.class);
    }

    private static String text(Document document, String localName) {
        return document.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }

    private static String text(Element parent, String localName) {
        return parent.getElementsByTagNameNS(LMX, localName).item(0).getTextContent();
    }
}
