package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lmx.connectors.Sha256;
import org.lmx.hub.audit.AuditLog;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * An agency at the REST API, as its broker user: the migration police (MIA) fetches the attachments of documents it
 * sent or received, and for any other attachment, the border service's included, gets the same 404 as for one that
 * does not exist; the rest of the admin API is closed to it. Entries are put into the shared hub's log directly.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgencyAttachmentsIT extends HubIT {

    private static final String HUB = "KAZ:MLSP";

    @Autowired
    MessageLog log;

    @Autowired
    AuditLog audit;

    private final byte[] sentByPolice = content("identity check result of the migration police");
    private final byte[] sentToPolice = content("permit decision annex for the migration police");
    private final byte[] sentByBorder = content("border crossing photo of the border service");

    @BeforeAll
    void logDocumentsOfThePoliceAndTheBorderService() {
        append(Direction.INBOUND, "KAZ:MIA", HUB, "AGR-KAZ-MIA", "IdentityCheckResult", "result.pdf", sentByPolice);
        append(Direction.OUTBOUND, HUB, "KAZ:MIA", "AGR-KAZ-MIA", "PermitDecision", "annex.pdf", sentToPolice);
        append(Direction.INBOUND, "KAZ:BORDER", HUB, "AGR-KAZ-BORDER", "BorderCrossingEvent", "photo.jpg", sentByBorder);
    }

    @Test
    void anAgencyFetchesTheAttachmentsOfDocumentsItSentOrReceived() {
        ResponseEntity<byte[]> sent = asPolice().getForEntity(url(attachment(sentByPolice)), byte[].class);
        assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(sent.getBody()).isEqualTo(sentByPolice);
        assertThat(sent.getHeaders().getContentDisposition().getFilename()).isEqualTo("result.pdf");

        ResponseEntity<byte[]> received = asPolice().getForEntity(url(attachment(sentToPolice)), byte[].class);
        assertThat(received.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(received.getBody()).isEqualTo(sentToPolice);
    }

    @Test
    void anotherAgencysAttachmentIsAsUnknownAsOneThatDoesNotExist() {
        byte[] neverLogged = content("never logged");
        ResponseEntity<String> borders = asPolice().getForEntity(url(attachment(sentByBorder)), String.class);
        ResponseEntity<String> nobodys = asPolice().getForEntity(url(attachment(neverLogged)), String.class);
        assertThat(borders.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(nobodys.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the same answer but for the digest asked
        assertThat(borders.getBody()).isEqualTo(nobodys.getBody().replace(Sha256.hex(neverLogged), Sha256.hex(sentByBorder)));
        // the border service itself, and an auditor, do get it
        assertThat(asAgency("BORDER").getForEntity(url(attachment(sentByBorder)), byte[].class).getBody()).isEqualTo(sentByBorder);
        assertThat(asAuditor().getForEntity(url(attachment(sentByBorder)), byte[].class).getBody()).isEqualTo(sentByBorder);
    }

    @Test
    void everyReadOfAnAgencyIsAudited() {
        asPolice().getForEntity(url(attachment(sentByPolice)), byte[].class);
        asPolice().getForEntity(url(attachment(sentByBorder)), String.class);
        List<AuditLog.AuditEvent> police = audit.latest(200).stream().filter(e -> "MIA".equals(e.actor())).toList();
        assertThat(police).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("ATTACHMENT_READ");
            assertThat(e.target()).isEqualTo(Sha256.hex(sentByPolice));
            assertThat(e.outcome()).isEqualTo("SERVED");
            assertThat(e.details()).contains("KAZ:MIA", "result.pdf");
        });
        assertThat(police).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo(Sha256.hex(sentByBorder));
            assertThat(e.outcome()).isEqualTo("REFUSED");
        });
    }

    @Test
    void theRestOfTheApiIsClosedToAnAgency() {
        assertThat(asPolice().getForEntity(url("/api/messages"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asPolice().getForEntity(url("/api/agreements"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asPolice().postForEntity(url("/api/agreements/reload"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aWrongPasswordOrAStrangerIsUnauthorized() {
        assertThat(rest.withBasicAuth("MIA", "guess").getForEntity(url(attachment(sentByPolice)), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        String policePassword = brokerPassword("MIA");
        assertThat(rest.withBasicAuth("mia", policePassword).getForEntity(url(attachment(sentByPolice)), String.class)
                .getStatusCode()).as("user names are exact").isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("NOBODY", policePassword).getForEntity(url(attachment(sentByPolice)), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private TestRestTemplate asPolice() {
        return asAgency("MIA");
    }

    private TestRestTemplate asAgency(String code) {
        return rest.withBasicAuth(code, brokerPassword(code));
    }

    private static String brokerPassword(String code) {
        return BrokerCredentials.open(DATA_DIR.resolve(BrokerCredentials.FILE)).password(code);
    }

    private void append(Direction direction, String from, String to, String agreement, String type, String fileName,
                        byte[] content) {
        String id = UUID.randomUUID().toString();
        byte[] body = ("<ExchangeMessage id='" + id + "'/>").getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        LoggedAttachment declared = new LoggedAttachment("att-1", fileName, "application/octet-stream", content.length,
                Sha256.hex(content));
        LogEntry entry = new LogEntry(0, id, direction, UUID.randomUUID().toString(), null, agreement, from, to, type,
                OffsetDateTime.ofInstant(now, ZoneOffset.ofHours(5)).toString(), now, Sha256.hex(body), body.length, null,
                List.of(declared));
        MessageState state = direction == Direction.INBOUND ? MessageState.ACCEPTED : MessageState.QUEUED;
        assertThat(log.append(new NewMessage(entry, body, null, Map.of(Sha256.hex(content), content), state,
                "logged by AgencyAttachmentsIT", false)).fresh()).isTrue();
    }

    private static String attachment(byte[] content) {
        return "/api/attachments/" + Sha256.hex(content);
    }

    private static byte[] content(String text) {
        return (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }
}
