package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lmx.hub.config.DevelopmentCredentials;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The admin API as an operator and an auditor use it, and as a stranger finds it: closed without
 * credentials, readable by auditors, changeable by operators only, every operator action in the audit trail.
 */
class AdminApiIT extends HubIT {

    @Test
    void theApiIsClosedWithoutCredentials() {
        assertThat(rest.getForEntity(url("/api/agreements"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.postForEntity(url("/api/agreements/reload"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("operator", "guess").getForEntity(url("/api/agreements"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anAuditorSeesEveryDemoAgreementButCannotReload() {
        ResponseEntity<String> list = asAuditor().getForEntity(url("/api/agreements"), String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String id : new String[] {"AGR-KOR-MOEL", "AGR-UZB-MEHNAT", "AGR-KAZ-MIA", "AGR-KAZ-AKIMAT-75", "AGR-ARE-NGO-EWAS",
                "AGR-DEU-BMAS", "AGR-MNG-MLSP", "AGR-KAZ-BORDER"}) {
            assertThat(list.getBody()).contains("\"id\":\"" + id + "\"");
        }
        assertThat(asAuditor().getForEntity(url("/api/agreements/AGR-UZB-MEHNAT"), String.class).getBody())
                .contains("\"transport\":\"SOAP_PULL\"").contains("\"current\":true");
        assertThat(asAuditor().getForEntity(url("/api/agreements/AGR-NOBODY"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asAuditor().postForEntity(url("/api/agreements/reload"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aDryRunListsEveryProblemAndChangesNothing() throws Exception {
        String file = Files.readString(DATA_DIR.resolve("agreements/queue-KAZ-SRC.xml"))
                .replace("<Version>1</Version>", "<Version>7</Version>")
                .replace("<CertificateFile>KAZ_SRC.crt.pem</CertificateFile>", "<CertificateFile>nowhere.pem</CertificateFile>")
                .replace("<Status>ACTIVE</Status>", "<Status>PAUSED</Status>");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_XML);
        ResponseEntity<String> report = asOperator().postForEntity(url("/api/agreements/validate?fileName=src-v7.xml"),
                new HttpEntity<>(file.getBytes(), headers), String.class);
        assertThat(report.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(report.getBody()).contains("PAUSED").contains("REFUSED");
        assertThat(asAuditor().getForObject(url("/api/agreements/AGR-KAZ-SRC"), String.class)).contains("\"versions\":1");
        assertThat(asAuditor().getForObject(url("/api/audit"), String.class))
                .contains("\"actor\":\"operator\"").contains("agreement.validate").contains("src-v7.xml");
    }

    @Test
    void aReloadIsAuditedWithItsOperator() throws Exception {
        long before = latestAuditId();
        assertThat(asOperator().postForEntity(url("/api/agreements/reload"), null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode events = new ObjectMapper().readTree(asAuditor().getForObject(url("/api/audit?limit=50"), String.class));
        List<JsonNode> mine = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("id").asLong() > before && e.get("action").asText().equals("agreement.reload")) {
                mine.add(e);
            }
        });
        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.get("actor").asText()).isEqualTo("operator");
            assertThat(e.get("details").asText()).contains("files:");
        });
    }

    private long latestAuditId() throws Exception {
        JsonNode events = new ObjectMapper().readTree(asAuditor().getForObject(url("/api/audit?limit=1"), String.class));
        return events.isEmpty() ? 0 : events.get(0).get("id").asLong();
    }

    @Test
    void theWsdlIsServedOnBothPortsAndTheApiIsDocumented() {
        String soap11 = rest.getForObject(url("/services/exchange?wsdl"), String.class);
        String soap12 = rest.getForObject(url("/services/exchange12?wsdl"), String.class);
        assertThat(soap11).contains("ExchangeService").contains("/services/exchange\"");
        assertThat(soap12).contains("soap12").contains("/services/exchange12\"");
        assertThat(rest.getForObject(url("/v3/api-docs"), String.class))
                .contains("/api/agreements/reload").contains("/api/agreements/validate").contains("basic");
    }

    @Test
    void theDevelopmentCredentialsAreGeneratedIntoTheDataDirectory() throws Exception {
        Path file = DATA_DIR.resolve(DevelopmentCredentials.FILE);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        DevelopmentCredentials credentials = DevelopmentCredentials.read(file);
        assertThat(credentials.operatorPassword()).isNotEqualTo(credentials.auditorPassword()).hasSizeGreaterThanOrEqualTo(20);
    }
}
