package org.lmx.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.routes.TestClock;
import org.lmx.routes.agreements.AgreementFiles;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.RegistryDatabase;
import org.lmx.routes.agreements.SizeLimits;
import org.lmx.routes.agreements.TestPki;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.RejectionAudit;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;

/**
 * Fuzzes the inbound pipeline without Spring: the routes of {@link InboundRoute} in a Camel context over in-memory
 * H2, under the committed agreements, with the development PKI made at run time. Bytes in, a receipt out.
 *
 * <p>An input is one mode byte and a document. Mode bit 0: the document is signed by Korea (or, with bit 1, by the
 * agency MIA) before it is sent, after {@code @ID@} and {@code @NOW@} are replaced by a fresh MessageId and the
 * current time, so that mutations reach the checks behind the signature (schema, header, agreement, trust, party,
 * attachments); without it the bytes go as they are. Mode bit 1: the document comes over MIA's queue (the channel
 * binds the agency). Whatever comes in, the answer must be a receipt the hub signed about exactly those bytes,
 * REJECTED with a code of docs/error-codes.md other than {@code LMX-HUB-INTERNAL} (a defect), or ACCEPTED / RESENT,
 * within {@link #PER_INPUT_SECONDS}; a rejection is in the rejection audit; anything thrown is a finding.
 *
 * <p>{@code mvn verify} replays the seed corpus in {@code InboundFuzzTestInputs/pipeline} (regression mode);
 * {@code -Pfuzz} fuzzes for real (README, "Hostile input").
 */
class InboundFuzzTest {

    private static final String HUB = "KAZ:MLSP";
    private static final String LMX = "urn:lmx:exchange:1";
    /** The longest one input may take; a well-formed 10 MiB document takes well under a second here. */
    static final long PER_INPUT_SECONDS = Long.getLong("lmx.fuzz.perInputSeconds", 20);

    private static Set<String> knownCodes;
    private static Credential korea;
    private static Credential mia;
    private static TrustAnchors hubCa;
    private static TestClock clock;
    private static RegistryDatabase.Database db;
    private static CamelContext camel;
    private static ProducerTemplate producer;
    private static Path agreements;

    @BeforeAll
    static void startPipeline() throws Exception {
        // one INFO line per input would drown the fuzzer's own output
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(InboundRoute.class)).setLevel(Level.WARN);
        knownCodes = ErrorCodeTableTest.codesInCode();
        knownCodes.remove(InboundRule.INTERNAL.code());
        PkiDirectory pki = PkiDirectory.open(TestPki.dir());
        korea = pki.credential("KOR:MOEL");
        mia = pki.credential("KAZ:MIA");
        hubCa = TrustAnchors.authority(pki.ca().certificate());
        // a fixed time, so that an input means the same thing on every run of the same JVM
        clock = new TestClock(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.ofHours(5));
        db = RegistryDatabase.pooled(4);
        agreements = Files.createTempDirectory("lmx-fuzz-agreements");
        AgreementFiles.copyExamples(agreements);
        AgreementRegistry registry = new AgreementRegistry(db.jdbc(), agreements, TestPki.dir(), clock);
        assertThat(registry.reload("fuzz").refused()).isEmpty();
        InboundChecks checks = new InboundChecks(registry, new SignatureVerifier(CrlSource.NONE), HUB,
                SizeLimits.DEFAULTS);
        camel = new DefaultCamelContext();
        camel.addRoutes(new InboundRoute(checks, new MessageLog(db.jdbc(), db.transactions(), clock),
                new RejectionAudit(db.jdbc()), new ReceiptIssuer(pki.credential(HUB), HUB, clock), clock));
        camel.start();
        producer = camel.createProducerTemplate();
    }

    @AfterAll
    static void stopPipeline() throws Exception {
        if (camel != null) {
            camel.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @FuzzTest(maxDuration = "10m")
    void pipeline(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        int mode = input[0];
        boolean overQueue = (mode & 2) != 0;
        byte[] document = Arrays.copyOfRange(input, 1, input.length);
        if ((mode & 1) != 0) {
            document = signed(document, overQueue ? mia : korea);
        }
        InboundSubmission submission = overQueue
                ? InboundSubmission.from(document, "QUEUE:MIA", "KAZ:MIA")
                : InboundSubmission.of(document, "FUZZ");

        InboundResult result = submit(submission);

        switch (result.outcome()) {
            case RECEIPT_OFFERED -> {
                assertThat(result.answer()).isNull();
                return;
            }
            case REJECTED -> {
                String code = result.rejection().orElseThrow().code();
                assertThat(code).as("rejection code (reason: %s)", result.rejection().orElseThrow().getMessage())
                        .isIn(knownCodes);
                // the rejection audit has every rejected document, whatever its header holds
                assertThat(db.jdbc().queryForList("SELECT code FROM rejection WHERE digest = ?", String.class,
                        Sha256.hex(document))).as("rejection audit").contains(code);
            }
            case ACCEPTED, RESENT -> assertThat(result.rejection()).isEmpty();
        }
        assertReceiptAbout(result, document);
    }

    /** The bytes with placeholders filled, signed; the bytes as they are when they cannot be signed. */
    private static byte[] signed(byte[] template, Credential signer) {
        String created = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(clock.instant().atOffset(ZoneOffset.ofHours(9)));
        byte[] filled = new String(template, StandardCharsets.UTF_8).replace("@ID@", UUID.randomUUID().toString())
                .replace("@NOW@", created).getBytes(StandardCharsets.UTF_8);
        try {
            return XmlSigner.sign(filled, signer);
        } catch (Exception | StackOverflowError e) {
            // what the signer cannot sign (its serializer recurses per level of nesting) goes unsigned: the hub
            // must still answer it
            return filled;
        }
    }

    private static InboundResult submit(InboundSubmission submission) throws Exception {
        Future<InboundResult> answer = producer.asyncRequestBody(InboundRoute.INBOUND, submission, InboundResult.class);
        try {
            return answer.get(PER_INPUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return fail("no answer within %d s for %d bytes: a hang", PER_INPUT_SECONDS, submission.document().length);
        } catch (ExecutionException e) {
            throw new AssertionError("the pipeline threw instead of answering with a receipt", e.getCause());
        }
    }

    /** A receipt the hub signed, verified as a partner verifies it, about exactly the bytes sent. */
    private static void assertReceiptAbout(InboundResult result, byte[] sent) throws Exception {
        assertThat(result.answer()).as("a receipt").isNotNull();
        Document receipt = new SignatureVerifier(CrlSource.NONE)
                .verify(result.answer(), hubCa, VerificationOptions.defaults().at(clock.instant()).expectParty(HUB))
                .document();
        assertThat(text(receipt, "DocumentType")).isEqualTo("Receipt");
        assertThat(text(receipt, "ReceivedDigest")).isEqualTo(Sha256.hex(sent));
        assertThat(text(receipt, "Status")).isEqualTo(result.outcome() == InboundResult.Outcome.REJECTED ? "REJECTED" : "ACCEPTED");
        Optional.ofNullable(result.rejection().orElse(null))
                .ifPresent(r -> assertThat(text(receipt, "Code")).isEqualTo(r.code()));
    }

    private static String text(Document document, String localName) {
        List<String> found = new java.util.ArrayList<>();
        var nodes = document.getElementsByTagNameNS(LMX, localName);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(nodes.item(i).getTextContent());
        }
        assertThat(found).as(localName).isNotEmpty();
        return found.get(0);
    }
}
