package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.hub.cli.LmxCommand;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.log.RetentionPurge;
import org.lmx.routes.log.RetentionReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Retention on the running hub, with a party of its own: the Philippines' Department of Migrant Workers (PHL:DMW,
 * agreement AGR-PHL-DMW-RET, bodies kept one day) sends a BusinessNotice with a scanned letter. The hub's purge, run
 * as if two days had passed (the hub's own purge code and agreement registry, its clock moved; only this agreement
 * is past its retention then), takes the body and the letter; the API keeps the metadata and receipt and says the
 * body was purged; the log verifies INTACT, counting the purged body, through the hub and {@code lmx log verify}.
 * The operator's REST purge demands dryRun and is audited.
 */
class RetentionPurgeIT extends HubIT {

    private static final String PHL = "PHL:DMW";
    private static final String AGREEMENT = "AGR-PHL-DMW-RET";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    AgreementRegistry agreements;

    @Test
    void aNoticePastItsRetentionLosesItsBodyAndLetterKeepsItsMetadataAndTheChainVerifies() throws Exception {
        Credential philippines = PkiDirectory.open(DATA_DIR.resolve("pki")).issue(PHL, KeyAlgorithm.EC_P256,
                Duration.ofDays(30));
        writeAgreement();
        ResponseEntity<String> reload = asOperator().postForEntity(url("/api/agreements/reload"), null, String.class);
        assertThat(reload.getBody()).contains(AGREEMENT);

        Parties.Attachment letter = Parties.Attachment.pdf("letter", WorkPermitCases.pdf("a letter on a welder's permit"));
        Parties.Message notice = Parties.message("BusinessNotice").from(PHL).to("KAZ:MLSP").agreement(AGREEMENT)
                .attachments(letter);
        PartnerClient.Submitted accepted = new PartnerClient(url(""), DATA_DIR).submit("1.2",
                notice.signedBy(philippines), PartnerClient.Part.of(letter));
        assertThat(accepted.receipt().status()).isEqualTo("ACCEPTED");
        String id = notice.messageId();
        await().atMost(Duration.ofSeconds(30)).until(() -> state(id).equals("DISPATCHED"));

        // the operator's purge: dryRun must be said; a dry run today purges nothing of this notice
        assertThat(asOperator().postForEntity(url("/api/retention/purge"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asAuditor().postForEntity(url("/api/retention/purge?dryRun=true"), null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> dry = asOperator().postForEntity(url("/api/retention/purge?dryRun=true"), null, String.class);
        assertThat(dry.getStatusCode()).as(dry.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(JSON.readTree(dry.getBody()).get("dryRun").asBoolean()).isTrue();
        assertThat(dry.getBody()).doesNotContain(id);
        assertThat(JSON.readTree(asAuditor().getForObject(url("/api/audit?limit=5"), String.class)).toString())
                .contains("RETENTION_PURGE").contains("DRY_RUN");

        // two days on, for this agreement only
        RetentionPurge twoDaysOn = new RetentionPurge(jdbc, transactions,
                Clock.offset(Clock.systemUTC(), Duration.ofDays(2)),
                agreementId -> AGREEMENT.equals(agreementId)
                        ? agreements.current(agreementId).map(CurrentAgreement::bodyRetention) : Optional.empty());
        RetentionReport report = twoDaysOn.purge(false);
        assertThat(report.messages()).extracting(RetentionReport.Purged::messageId).containsExactly(id);
        assertThat(report.attachmentsPurged()).isEqualTo(1);

        ResponseEntity<String> body = asAuditor().getForEntity(url("/api/messages/" + id + "/body"), String.class);
        assertThat(body.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(body.getBody()).contains("was purged").contains("end of its agreement's retention");
        assertThat(asAuditor().getForEntity(url("/api/attachments/" + letter.sha256()), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode metadata = message(id);
        assertThat(metadata.get("documentType").asText()).isEqualTo("BusinessNotice");
        assertThat(asAuditor().getForEntity(url("/api/messages/" + id + "/receipt"), byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        JsonNode verification = JSON.readTree(asAuditor().getForObject(url("/api/log/verify"), String.class));
        assertThat(verification.get("firstBreak").isNull() || verification.get("firstBreak").isMissingNode())
                .as(verification.toString()).isTrue();
        assertThat(verification.get("bodiesPurged").asLong()).isGreaterThanOrEqualTo(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = LmxCommand.run("log", "verify", "--hub", url(""), "--data-dir", DATA_DIR.toString());
        } finally {
            System.setOut(stdout);
        }
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("INTACT").contains("purged at the end of retention");
    }

    /** Korea's demo agreement as a template: another party, trusting the hub CA only, bodies kept one day. */
    private static void writeAgreement() throws Exception {
        Path dir = DATA_DIR.resolve("agreements");
        String text = Files.readString(dir.resolve("soap-push-KOR-MOEL.xml"))
                .replaceFirst("<Id>[^<]*</Id>", "<Id>" + AGREEMENT + "</Id>")
                .replaceFirst("<Version>\\d+</Version>", "<Version>1</Version>")
                .replace("KOR:MOEL", PHL)
                .replaceAll("(?s)<TrustEntry>\\s*<Role>PINNED</Role>.*?</TrustEntry>", "")
                .replaceFirst("<MessageBodies>[^<]*</MessageBodies>", "<MessageBodies>P1D</MessageBodies>");
        Files.writeString(dir.resolve("soap-push-PHL-DMW-RET.xml"), text);
    }
}
