package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.it.Parties.Attachment;
import org.lmx.hub.it.PartnerClient.Part;
import org.lmx.hub.it.PartnerClient.Submitted;
import org.lmx.routes.log.LogVerification;
import org.lmx.routes.log.LogVerifier;
import org.lmx.routes.log.MessageLog;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many partners' gateways at once: 200 distinct signed messages from 20 parallel clients, while the same message
 * is resent 20 times in parallel. Each message is logged and dispatched exactly once, every receipt is the hub's
 * signature over the right digest, the racing resends all get the one stored receipt, and the chain verifies.
 * Korea and Germany only: nobody changes their agreements.
 */
class ConcurrencyIT extends HubIT {

    private static final int CLIENTS = 20;
    private static final int DISTINCT = 200;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageLog log;

    @Autowired
    LogVerifier logVerifier;

    @Test
    void twoHundredMessagesFromTwentyClientsAndTwentyParallelResendsAreEachLoggedOnce() throws Exception {
        Credential korea = Parties.credential(DATA_DIR, "KOR:MOEL");
        Credential germany = Parties.credential(DATA_DIR, "DEU:BMAS");
        // one licence attached to every German registration: its content is kept once, under racing appends
        Attachment licence = Attachment.pdf("recruiter-licence", random(30_000));

        // every message signed before the clock starts
        List<Outgoing> distinct = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            distinct.add(i % 2 == 0 ? koreanPing(korea) : germanRegistration(germany, licence));
        }
        Outgoing resent = germanRegistration(germany, licence);

        PartnerClient partner = new PartnerClient(url(""), DATA_DIR);
        List<ExchangePortType> ports = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            ports.add(partner.port(c % 2 == 0 ? "1.1" : "1.2", true));
        }

        Map<String, Submitted> receipts = new ConcurrentHashMap<>();
        List<Submitted> resendReceipts = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    start.await();
                    // all 20 copies of one message in the same instant, then this client's share of the others
                    resendReceipts.add(partner.submit(ports.get(client), resent.signed(), resent.parts()));
                    for (int i = client; i < DISTINCT; i += CLIENTS) {
                        Outgoing message = distinct.get(i);
                        receipts.put(message.messageId(), partner.submit(ports.get(client), message.signed(), message.parts()));
                    }
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> client : done) {
                client.get(5, TimeUnit.MINUTES);
            }
            System.out.printf("ConcurrencyIT: %d calls from %d clients in %d ms%n", DISTINCT + CLIENTS, CLIENTS,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
        } finally {
            clients.shutdownNow();
        }

        // every receipt: signed by the hub (PartnerClient verified it), ACCEPTED, about exactly the bytes sent
        assertThat(receipts).hasSize(DISTINCT);
        for (Outgoing message : distinct) {
            assertReceipt(receipts.get(message.messageId()), message);
        }
        assertThat(resendReceipts).hasSize(CLIENTS);
        for (Submitted copy : resendReceipts) {
            assertReceipt(copy, resent);
            assertThat(copy.bytes()).isEqualTo(resendReceipts.get(0).bytes());
        }
        assertThat(log.receipt(resent.messageId())).hasValue(resendReceipts.get(0).bytes());

        // each message logged once, with one outbox row, no rejection, and the stored receipt is the one sent
        HubTables tables = new HubTables(jdbc);
        List<Outgoing> all = new ArrayList<>(distinct);
        all.add(resent);
        for (Outgoing message : all) {
            assertThat(tables.logged(message.messageId())).as(message.messageId()).isEqualTo(1);
            assertThat(tables.outbox(message.messageId())).as(message.messageId()).isEqualTo(1);
            assertThat(tables.rejectionCodesOf(message.messageId())).as(message.messageId()).isEmpty();
        }
        for (Outgoing message : distinct) {
            assertThat(log.receipt(message.messageId())).hasValue(receipts.get(message.messageId()).bytes());
        }
        assertThat(log.attachment(licence.sha256())).hasValue(licence.content());
        assertThat(log.messagesWithAttachment(licence.sha256())).hasSize(DISTINCT / 2 + 1);

        // each dispatched exactly once
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(dispatchedEvents(all)).hasSize(all.size()).allSatisfy((id, events) -> assertThat(events).isEqualTo(1)));

        LogVerification verification = logVerifier.verify();
        assertThat(verification.intact()).as(verification.summary()).isTrue();
        assertThat(verification.entriesVerified()).isGreaterThanOrEqualTo(all.size());
    }

    private static void assertReceipt(Submitted answer, Outgoing sent) {
        assertThat(answer.receipt().status()).as(answer.receipt().code() + " " + answer.receipt().reason()).isEqualTo("ACCEPTED");
        assertThat(answer.receipt().digest()).isEqualTo(Sha256.hex(sent.signed()));
        assertThat(answer.receipt().receivedMessageId()).isEqualTo(sent.messageId());
        assertThat(answer.receipt().to()).isEqualTo(sent.from());
    }

    /** DISPATCHED history events per message of {@code messages} that has any. */
    private Map<String, Integer> dispatchedEvents(List<Outgoing> messages) {
        Map<String, Integer> counts = new HashMap<>();
        jdbc.query("SELECT message_id, COUNT(*) FROM message_event WHERE state = 'DISPATCHED' GROUP BY message_id",
                rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        Map<String, Integer> ours = new HashMap<>();
        for (Outgoing message : messages) {
            if (counts.containsKey(message.messageId())) {
                ours.put(message.messageId(), counts.get(message.messageId()));
            }
        }
        return ours;
    }

    private static Outgoing koreanPing(Credential korea) throws Exception {
        Parties.Message ping = Parties.message("Ping").from("KOR:MOEL").agreement("AGR-KOR-MOEL");
        return new Outgoing(ping.messageId(), "KOR:MOEL", ping.signedBy(korea), List.of());
    }

    private static Outgoing germanRegistration(Credential germany, Attachment licence) throws Exception {
        Attachment contract = Attachment.pdf("contract", random(5_000));
        Parties.Message registration = Parties.message("EmploymentContractRegistration").from("DEU:BMAS")
                .agreement("AGR-DEU-BMAS").attachments(contract, licence);
        return new Outgoing(registration.messageId(), "DEU:BMAS", registration.signedBy(germany),
                List.of(Part.of(contract), Part.of(licence)));
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A signed message ready to go, with its parts. */
    private record Outgoing(String messageId, String from, byte[] signed, List<Part> parts) {
    }
}
