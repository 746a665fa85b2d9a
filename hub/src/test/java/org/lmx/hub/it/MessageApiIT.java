package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lmx.connectors.Sha256;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.Rejection;
import org.lmx.routes.log.RejectionAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message log as an operator or auditor reads it over the admin API. Entries are put into the shared hub's
 * log directly (the SOAP path has its own ITs); every count is taken over this class's own party (USA:DOL) and
 * time window, because the other ITs write to the same log.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageApiIT extends HubIT {

    private static final String PARTY = "USA:DOL";
    private static final String HUB = "KAZ:MLSP";
    private static final String AGREEMENT = "AGR-USA-DOL";

    @Autowired
    MessageLog log;

    @Autowired
    RejectionAudit rejections;

    @Autowired
    JdbcTemplate jdbc;

    /** This class's entries, oldest first, each logged one second after the one before. */
    private final List<Logged> mine = new ArrayList<>();
    private Instant windowStart;
    private Instant windowEnd;
    private final byte[] passport = ("passport scan " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);

    private record Logged(String messageId, String documentType, Instant loggedAt, byte[] body, byte[] receipt) {
    }

    @BeforeAll
    void logFourMessages() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        windowStart = now.minusSeconds(10);
        windowEnd = now.minusSeconds(5);
        LoggedAttachment scan = new LoggedAttachment("att-1", "passport \"scan\".pdf", "application/pdf", passport.length,
                Sha256.hex(passport));
        // the first two are dispatched from the outbox (bodies made up, so of a type no process reads); the third is
        // kept out of it and stays ACCEPTED
        append(Direction.INBOUND, "BusinessNotice", windowStart, List.of(scan), true);
        append(Direction.INBOUND, "BusinessNotice", windowStart.plusSeconds(1), List.of(), true);
        append(Direction.INBOUND, "Ping", windowStart.plusSeconds(2), List.of(), false);
        append(Direction.OUTBOUND, "PermitDecision", windowStart.plusSeconds(3), List.of(), false);
    }

    private void append(Direction direction, String documentType, Instant loggedAt, List<LoggedAttachment> attachments,
                        boolean toOutbox) {
        String id = UUID.randomUUID().toString();
        byte[] body = ("<ExchangeMessage id='" + id + "'/>").getBytes(StandardCharsets.UTF_8);
        boolean inbound = direction == Direction.INBOUND;
        byte[] receipt = inbound ? ("<Receipt for='" + id + "'/>").getBytes(StandardCharsets.UTF_8) : null;
        LogEntry entry = new LogEntry(0, id, direction, UUID.randomUUID().toString(), null, AGREEMENT,
                inbound ? PARTY : HUB, inbound ? HUB : PARTY, documentType,
                OffsetDateTime.ofInstant(loggedAt, ZoneOffset.ofHours(-4)).toString(), loggedAt, Sha256.hex(body),
                body.length, receipt == null ? null : Sha256.hex(receipt), attachments);
        Map<String, byte[]> contents = attachments.isEmpty() ? Map.of() : Map.of(Sha256.hex(passport), passport);
        MessageState state = inbound ? MessageState.ACCEPTED : MessageState.QUEUED;
        assertThat(log.append(new NewMessage(entry, body, receipt, contents, state, "logged by MessageApiIT", toOutbox))
                .fresh()).isTrue();
        mine.add(new Logged(id, documentType, loggedAt, body, receipt));
    }

    // ---- one message ----

    @Test
    void oneMessageShowsItsMetadataAttachmentsAndHistoryButNotItsBody() throws Exception {
        Logged first = mine.get(0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(asAuditor(), "/api/messages/" + first.messageId()).get("state").asText()).isEqualTo("DISPATCHED"));

        JsonNode message = get(asAuditor(), "/api/messages/" + first.messageId());
        assertThat(message.get("messageId").asText()).isEqualTo(first.messageId());
        assertThat(message.get("direction").asText()).isEqualTo("INBOUND");
        assertThat(message.get("from").asText()).isEqualTo(PARTY);
        assertThat(message.get("to").asText()).isEqualTo(HUB);
        assertThat(message.get("agreementId").asText()).isEqualTo(AGREEMENT);
        assertThat(message.get("documentType").asText()).isEqualTo("BusinessNotice");
        assertThat(message.get("inReplyTo").isNull()).isTrue();
        assertThat(message.get("created").asText()).endsWith("-04:00");
        assertThat(Instant.parse(message.get("loggedAt").asText())).isEqualTo(first.loggedAt());
        assertThat(message.get("digest").asText()).isEqualTo(Sha256.hex(first.body()));
        assertThat(message.get("size").asLong()).isEqualTo(first.body().length);
        assertThat(message.get("receiptDigest").asText()).isEqualTo(Sha256.hex(first.receipt()));
        assertThat(message.get("seq").asLong()).isPositive();
        assertThat(message.has("body")).isFalse();

        JsonNode attachment = message.get("attachments").get(0);
        assertThat(message.get("attachments")).hasSize(1);
        assertThat(attachment.get("id").asText()).isEqualTo("att-1");
        assertThat(attachment.get("fileName").asText()).isEqualTo("passport \"scan\".pdf");
        assertThat(attachment.get("mimeType").asText()).isEqualTo("application/pdf");
        assertThat(attachment.get("size").asLong()).isEqualTo(passport.length);
        assertThat(attachment.get("sha256").asText()).isEqualTo(Sha256.hex(passport));
        assertThat(attachment.get("link").asText()).isEqualTo("/api/attachments/" + Sha256.hex(passport));

        JsonNode history = message.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(history.get(0).get("note").asText()).isEqualTo("logged by MessageApiIT");
        assertThat(history.get(1).get("state").asText()).isEqualTo("DISPATCHED");
        assertThat(Instant.parse(history.get(1).get("at").asText())).isAfterOrEqualTo(Instant.parse(history.get(0).get("at").asText()));
        assertThat(message.get("stateAt").asText()).isEqualTo(history.get(1).get("at").asText());
    }

    @Test
    void anUnknownMessageIsAProblem404() throws Exception {
        String unknown = UUID.randomUUID().toString();
        ResponseEntity<String> answer = asAuditor().getForEntity(url("/api/messages/" + unknown), String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = JSON.readTree(answer.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(404);
        assertThat(problem.get("detail").asText()).contains(unknown);
    }

    // ---- search ----

    @Test
    void theSearchFiltersByPartyTypeStateAndTimeNewestFirst() throws Exception {
        String window = "&since=" + windowStart + "&until=" + windowEnd;
        JsonNode all = get(asAuditor(), "/api/messages?party=" + PARTY + window);
        assertThat(all.get("total").asLong()).isEqualTo(4);
        assertThat(ids(all)).containsExactly(id(3), id(2), id(1), id(0));
        assertThat(all.get("items").get(0).has("history")).isFalse();
        assertThat(all.get("items").get(0).get("to").asText()).isEqualTo(PARTY);

        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&type=BusinessNotice" + window)))
                .containsExactly(id(1), id(0));
        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&type=Ping" + window))).containsExactly(id(2));
        assertThat(get(asAuditor(), "/api/messages?party=" + PARTY + "&type=Receipt" + window).get("total").asLong()).isZero();

        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&state=QUEUED" + window))).containsExactly(id(3));
        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&state=accepted" + window)))
                .contains(id(2)).doesNotContain(id(3));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&state=DISPATCHED" + window)))
                        .containsExactly(id(1), id(0)));
        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&state=ACCEPTED" + window))).containsExactly(id(2));

        // since is inclusive, until exclusive; an offset date-time is the same instant as its UTC form, whether its
        // '+' is encoded or, as people type it, left to arrive as a space
        String second = OffsetDateTime.ofInstant(mine.get(1).loggedAt(), ZoneOffset.ofHours(5)).toString();
        ResponseEntity<String> encoded = asAuditor().getForEntity(URI.create(url("/api/messages?party=" + PARTY + "&since="
                + second.replace("+", "%2B") + "&until=" + mine.get(3).loggedAt())), String.class);
        assertThat(ids(JSON.readTree(encoded.getBody()))).containsExactly(id(2), id(1));
        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&since=" + second
                + "&until=" + mine.get(3).loggedAt()))).containsExactly(id(2), id(1));
        assertThat(ids(get(asAuditor(), "/api/messages?party=" + PARTY + "&since=" + windowStart
                + "&until=" + mine.get(1).loggedAt()))).containsExactly(id(0));

        JsonNode page0 = get(asAuditor(), "/api/messages?party=" + PARTY + window + "&size=3");
        JsonNode page1 = get(asAuditor(), "/api/messages?party=" + PARTY + window + "&size=3&page=1");
        assertThat(ids(page0)).containsExactly(id(3), id(2), id(1));
        assertThat(ids(page1)).containsExactly(id(0));
        assertThat(page1.get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("size").asInt()).isEqualTo(3);
        assertThat(page1.get("total").asLong()).isEqualTo(4);

        // without a filter it is the whole log, newest first, 20 to a page
        JsonNode everything = get(asOperator(), "/api/messages");
        assertThat(everything.get("size").asInt()).isEqualTo(20);
        assertThat(everything.get("total").asLong()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void badSearchParametersAreProblem400sThatSayWhy() throws Exception {
        assertBadRequest("/api/messages?state=LOST", "state", "DISPATCHED");
        assertBadRequest("/api/messages?size=101", "size", "100");
        assertBadRequest("/api/messages?size=0", "size", "1");
        assertBadRequest("/api/messages?page=-1", "page", "-1");
        assertBadRequest("/api/messages?page=first", "page", "first");
        assertBadRequest("/api/messages?since=yesterday", "since", "ISO-8601");
        assertBadRequest("/api/messages?until=2025-13-01T00:00:00Z", "until", "2025-13-01");
        assertBadRequest("/api/messages?since=2025-05-02T00:00:00Z&until=2025-05-01T00:00:00Z", "since", "before until");
        assertBadRequest("/api/rejections?limit=0", "limit", "1000");
        assertBadRequest("/api/rejections?since=today", "since", "ISO-8601");
        assertBadRequest("/api/attachments/" + Sha256.hex(passport).toUpperCase(), "SHA-256", "lower-case");
        assertBadRequest("/api/attachments/abc", "SHA-256", "64");
    }

    private void assertBadRequest(String path, String... detailParts) throws Exception {
        ResponseEntity<String> answer = asAuditor().getForEntity(url(path), String.class);
        assertThat(answer.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(JSON.readTree(answer.getBody()).get("detail").asText()).as(path).contains(detailParts);
    }

    // ---- content: attachments and receipts, audited ----

    @Test
    void anAttachmentIsServedWithItsDeclaredTypeAndNameAndTheReadIsAudited() throws Exception {
        String sha256 = Sha256.hex(passport);
        long before = latestAuditId();
        ResponseEntity<byte[]> answer = asAuditor().getForEntity(url("/api/attachments/" + sha256), byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).isEqualTo(passport);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(answer.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(answer.getHeaders().getContentDisposition().getFilename()).isEqualTo("passport \"scan\".pdf");
        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(auditSince(before, "ATTACHMENT_READ")).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("auditor");
            assertThat(e.get("target").asText()).isEqualTo(sha256);
            assertThat(e.get("outcome").asText()).isEqualTo("SERVED");
        });

        String unknown = Sha256.hex(("never sent " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        ResponseEntity<String> missing = asAuditor().getForEntity(url("/api/attachments/" + unknown), String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(missing.getBody()).contains(unknown);
        assertThat(auditSince(before, "ATTACHMENT_READ")).anySatisfy(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("auditor");
            assertThat(e.get("target").asText()).isEqualTo(unknown);
            assertThat(e.get("outcome").asText()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void onlyAuditorsReadTheContentOfDocumentsAndEachReadIsAudited() throws Exception {
        Logged inbound = mine.get(2);
        long before = latestAuditId();
        ResponseEntity<byte[]> body = asAuditor().getForEntity(url("/api/messages/" + inbound.messageId() + "/body"), byte[].class);
        assertThat(body.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body.getBody()).isEqualTo(inbound.body());
        assertThat(auditSince(before, "BODY_READ")).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("auditor");
            assertThat(e.get("target").asText()).isEqualTo(inbound.messageId());
            assertThat(e.get("outcome").asText()).isEqualTo("SERVED");
        });

        // operators run the hub: metadata, states and receipts, but no personal data
        assertThat(asOperator().getForEntity(url("/api/messages/" + inbound.messageId() + "/body"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asOperator().getForEntity(url("/api/attachments/" + Sha256.hex(passport)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asOperator().getForEntity(url("/api/messages/" + inbound.messageId()), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asAuditor().getForEntity(url("/api/messages/no-such-message/body"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(auditSince(before, "BODY_READ")).hasSize(2);
    }

    @Test
    void theStoredReceiptIsServedByteForByteAndTheReadIsAudited() throws Exception {
        Logged inbound = mine.get(2);
        long before = latestAuditId();
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_XML));
        ResponseEntity<byte[]> answer = asOperator().exchange(url("/api/messages/" + inbound.messageId() + "/receipt"),
                HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_XML);
        assertThat(answer.getBody()).isEqualTo(inbound.receipt());
        assertThat(auditSince(before, "RECEIPT_READ")).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("operator");
            assertThat(e.get("target").asText()).isEqualTo(inbound.messageId());
            assertThat(e.get("outcome").asText()).isEqualTo("SERVED");
        });

        // an outbound message has no receipt of the hub's
        ResponseEntity<String> none = asAuditor().exchange(url("/api/messages/" + id(3) + "/receipt"),
                HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(none.getBody()).contains(id(3));
    }

    // ---- verification and rejections ----

    @Test
    void theChainVerifiesAndABrokenEntryIsNamedWith409() throws Exception {
        ResponseEntity<String> intact = asAuditor().getForEntity(url("/api/log/verify"), String.class);
        assertThat(intact.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode verification = JSON.readTree(intact.getBody());
        assertThat(verification.get("entriesVerified").asLong()).isGreaterThanOrEqualTo(mine.size());
        // bodies and receipts of four entries, and one attachment
        assertThat(verification.get("contentsVerified").asLong()).isGreaterThanOrEqualTo(4 + 3 + 1);
        assertThat(verification.get("headHash").asText()).matches("[0-9a-f]{64}");
        assertThat(verification.has("firstBreak")).isTrue();
        assertThat(verification.get("firstBreak").isNull()).isTrue();
        assertThat(fieldNames(verification)).containsExactlyInAnyOrder("entriesVerified", "contentsVerified",
                "bodiesPurged", "headHash", "firstBreak");

        // one byte of one of this class's stored bodies changed, and put back at once
        Logged victim = mine.get(1);
        long seq = get(asAuditor(), "/api/messages/" + victim.messageId()).get("seq").asLong();
        byte[] altered = victim.body().clone();
        altered[altered.length - 2] ^= 1;
        try {
            assertThat(jdbc.update("UPDATE message_log SET body = ? WHERE message_id = ?", altered, victim.messageId())).isOne();
            ResponseEntity<String> broken = asAuditor().getForEntity(url("/api/log/verify"), String.class);
            assertThat(broken.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            JsonNode report = JSON.readTree(broken.getBody());
            assertThat(report.get("firstBreak").get("seq").asLong()).isEqualTo(seq);
            assertThat(report.get("firstBreak").get("messageId").asText()).isEqualTo(victim.messageId());
            assertThat(report.get("firstBreak").get("problem").asText()).contains("body");
            assertThat(report.get("entriesVerified").asLong()).isEqualTo(seq - 1);
            assertThat(report.get("headHash").isNull()).isTrue();
        } finally {
            jdbc.update("UPDATE message_log SET body = ? WHERE message_id = ?", victim.body(), victim.messageId());
        }
        assertThat(asAuditor().getForEntity(url("/api/log/verify"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void rejectionsAreListedNewestFirstAndFiltered() throws Exception {
        String messageId = UUID.randomUUID().toString();
        Instant received = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        rejections.record(new Rejection(null, received, "SOAP11", "a".repeat(64), 100, messageId, AGREEMENT, PARTY,
                "Ping", PARTY, "LMX-MSG-REPLAY", "Header/Created is 3 days away"));
        rejections.record(new Rejection(null, received.plusMillis(1), "SOAP12", "b".repeat(64), 101, messageId, AGREEMENT,
                PARTY, "Ping", PARTY, "LMX-AGR-DOCUMENT-TYPE", "not allowed"));

        JsonNode listed = get(asAuditor(), "/api/rejections?messageId=" + messageId);
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("code").asText()).isEqualTo("LMX-AGR-DOCUMENT-TYPE");
        assertThat(listed.get(0).get("channel").asText()).isEqualTo("SOAP12");
        assertThat(listed.get(1).get("code").asText()).isEqualTo("LMX-MSG-REPLAY");
        assertThat(listed.get(1).get("reason").asText()).isEqualTo("Header/Created is 3 days away");
        assertThat(Instant.parse(listed.get(1).get("receivedAt").asText())).isEqualTo(received);
        assertThat(listed.get(1).get("from").asText()).isEqualTo(PARTY);

        assertThat(get(asAuditor(), "/api/rejections?messageId=" + messageId + "&limit=1")).hasSize(1);
        assertThat(get(asAuditor(), "/api/rejections?messageId=" + messageId + "&since=" + received.plusMillis(1)))
                .singleElement().satisfies(r -> assertThat(r.get("code").asText()).isEqualTo("LMX-AGR-DOCUMENT-TYPE"));
        assertThat(get(asAuditor(), "/api/rejections?messageId=" + messageId + "&from=KOR:MOEL")).isEmpty();
        assertThat(get(asAuditor(), "/api/rejections?from=" + PARTY + "&since=" + received)).hasSizeGreaterThanOrEqualTo(2);
    }

    // ---- access ----

    @Test
    void withoutCredentialsNothingIsShown() {
        for (String path : new String[] {"/api/messages", "/api/messages/" + id(0), "/api/messages/" + id(0) + "/receipt",
                "/api/attachments/" + Sha256.hex(passport), "/api/log/verify", "/api/rejections"}) {
            assertThat(rest.getForEntity(url(path), String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(rest.withBasicAuth("auditor", "guess").getForEntity(url("/api/attachments/" + Sha256.hex(passport)),
                String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForObject(url("/v3/api-docs"), String.class))
                .contains("/api/messages/{id}/receipt").contains("/api/attachments/{sha256}").contains("/api/log/verify")
                .contains("/api/rejections");
    }

    // ---- helpers ----

    private String id(int index) {
        return mine.get(index).messageId();
    }

    private JsonNode get(TestRestTemplate client, String path) throws Exception {
        ResponseEntity<String> answer = client.getForEntity(url(path), String.class);
        assertThat(answer.getStatusCode()).as(path + ": " + answer.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(answer.getBody());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("messageId").asText()));
        return ids;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private long latestAuditId() throws Exception {
        JsonNode events = JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=1"), String.class));
        return events.isEmpty() ? 0 : events.get(0).get("id").asLong();
    }

    private List<JsonNode> auditSince(long before, String action) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=100"), String.class)).forEach(e -> {
            if (e.get("id").asLong() > before && e.get("action").asText().equals(action)) {
                found.add(e);
            }
        });
        return found;
    }
}
