package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lmx.hub.camunda.DevelopmentCaseworkers;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Camunda's REST API and Tasklist as caseworkers and strangers meet them: nothing without a login of Camunda's
 * identity service, the development caseworkers' passwords generated into the data directory, Camunda's
 * first-administrator page closed, and each group seeing its own processes' cases only. Permit officers read the
 * permit register of the admin API with the same login, and nothing else there.
 */
class CaseworkerAccessIT extends HubIT {

    @Test
    void theEngineRestApiWantsALoginOfCamundasIdentityService() throws Exception {
        assertThat(rest.getForEntity(url("/engine-rest/task"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // a wrong password locks the user for a few seconds (Camunda's brute-force delay): a user of this test's own
        assertThat(rest.withBasicAuth(lockoutProbe(), "guess").getForEntity(url("/engine-rest/task"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("nobody", "guess").getForEntity(url("/engine-rest/task"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // the admin API's operator is no user of Camunda's
        assertThat(asOperator().getForEntity(url("/engine-rest/task"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asCaseworker("permit-officer").getForEntity(url("/engine-rest/task"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void theDevelopmentCaseworkersPasswordsAreGeneratedIntoTheDataDirectoryForTheOwnerOnly() throws Exception {
        Path file = DATA_DIR.resolve(DevelopmentCaseworkers.FILE);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        for (DevelopmentCaseworkers.Caseworker user : DevelopmentCaseworkers.USERS) {
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(user.id() + ".password="));
            JsonNode groups = json(asCaseworker("admin").getForEntity(url("/engine-rest/group?member=" + user.id()),
                    String.class));
            assertThat(groups.findValuesAsText("id")).containsExactly(user.group());
        }
    }

    @Test
    void camundasFirstAdministratorPageIsClosed() throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String intruder = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\"},"
                + "\"credentials\":{\"password\":\"intruder-password-1\"}}";
        ResponseEntity<String> setup = rest.postForEntity(url("/camunda/api/admin/setup/default/user/create"),
                new HttpEntity<>(intruder, headers), String.class);

        // the hub has no such page (Camunda itself would refuse with 403 only while an administrator exists, which a
        // hub without the development users does not have)
        assertThat(setup.getStatusCode()).as(setup.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(json(asCaseworker("admin").getForEntity(url("/engine-rest/user?id=intruder"), String.class))).isEmpty();
    }

    @Test
    void aCaseworkerLogsInToTasklistButNotToCockpit() {
        ResponseEntity<String> tasklist = webappLogin("permit-officer", "tasklist");
        assertThat(tasklist.getStatusCode()).as(tasklist.getBody()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> cockpit = webappLogin("permit-officer", "cockpit");
        assertThat(cockpit.getStatusCode()).as(cockpit.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> admin = webappLogin("admin", "cockpit");
        assertThat(admin.getStatusCode()).as(admin.getBody()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void permitOfficersDoNotSeeTheCasesOfAnotherProcess() throws Exception {
        deployAsAdmin("it-other-cases", """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="urn:lmx:it">
                  <process id="it-other-cases" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                    <sequenceFlow id="f1" sourceRef="start" targetRef="look"/>
                    <userTask id="look" camunda:candidateGroups="consular-officers"/>
                    <sequenceFlow id="f2" sourceRef="look" targetRef="end"/>
                    <endEvent id="end"/>
                  </process>
                </definitions>
                """);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> started = asCaseworker("admin").postForEntity(
                url("/engine-rest/process-definition/key/it-other-cases/start"), new HttpEntity<>("{}", headers),
                String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.OK);
        String instance = json(started).get("id").asText();

        // consular officers see the case: the task is theirs by BPMN
        assertThat(json(asCaseworker("consular-officer").getForEntity(url("/engine-rest/task?processInstanceId=" + instance),
                String.class))).hasSize(1);
        // permit officers do not: neither its definition, nor the instance, nor its task, nor its history
        assertThat(json(asCaseworker("permit-officer").getForEntity(url("/engine-rest/process-definition?key=it-other-cases"),
                String.class))).isEmpty();
        assertThat(json(asCaseworker("permit-officer").getForEntity(url("/engine-rest/process-instance?processInstanceIds="
                + instance), String.class))).isEmpty();
        assertThat(json(asCaseworker("permit-officer").getForEntity(url("/engine-rest/task?processInstanceId=" + instance),
                String.class))).isEmpty();
        assertThat(json(asCaseworker("permit-officer").getForEntity(url("/engine-rest/history/process-instance?processInstanceId="
                + instance), String.class))).isEmpty();
        assertThat(asCaseworker("permit-officer").getForEntity(url("/engine-rest/process-instance/" + instance),
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        // the administrator sees everything
        assertThat(json(asCaseworker("admin").getForEntity(url("/engine-rest/process-instance?processInstanceIds="
                + instance), String.class))).hasSize(1);
    }

    @Test
    void consularOfficersSeeTheCitizensAbroadProcessesAndPermitOfficersNoneOfThem() throws Exception {
        for (String process : List.of("contract-vetting", "consular-protection")) {
            assertThat(definitions("consular-officer", process)).as(process).hasSize(1);
            assertThat(definitions("permit-officer", process)).as(process).isEmpty();
        }
        assertThat(definitions("permit-officer", "work-permit")).hasSize(1);
        assertThat(definitions("consular-officer", "work-permit")).isEmpty();

        // a real flagged contract from Korea's ministry: its vetting task is the consular officers', not the permit
        // officers' (supervisors see every process's cases)
        PartnerClient korea = new PartnerClient(url(""), DATA_DIR);
        Parties.Attachment contract = Parties.Attachment.pdf("contract",
                "%PDF-1.7 contract".getBytes(StandardCharsets.UTF_8));
        Parties.Message registration = Parties.message("EmploymentContractRegistration-passport-retention")
                .from("KOR:MOEL").agreement("AGR-KOR-MOEL").attachments(contract);
        assertThat(korea.submit("1.2", registration.signedBy(Parties.credential(DATA_DIR, "KOR:MOEL")),
                PartnerClient.Part.of(contract)).receipt().status()).isEqualTo("ACCEPTED");
        String tasks = "/engine-rest/task?taskDefinitionKey=vetContract&processInstanceBusinessKey="
                + registration.messageId();
        await().atMost(Duration.ofSeconds(30)).until(() -> json(asCaseworker("consular-officer")
                .getForEntity(url(tasks), String.class)).size() == 1);
        assertThat(json(asCaseworker("permit-officer").getForEntity(url(tasks), String.class))).isEmpty();
        assertThat(json(asCaseworker("permit-officer").getForEntity(url("/engine-rest/process-instance"
                + "?processDefinitionKey=contract-vetting&businessKey=" + registration.messageId()), String.class)))
                .isEmpty();
    }

    private JsonNode definitions(String caseworker, String process) throws Exception {
        return json(asCaseworker(caseworker).getForEntity(url("/engine-rest/process-definition?latestVersion=true&key="
                + process), String.class));
    }

    @Test
    void permitOfficersReadThePermitRegisterAndNothingElseOfTheAdminApi() throws Exception {
        assertThat(asCaseworker("permit-officer").getForEntity(url("/api/permits"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(asCaseworker("permit-officer").getForEntity(url("/api/permits/KZ-WP-1999-000001"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asCaseworker("permit-officer").getForEntity(url("/api/messages"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/permits"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.withBasicAuth(lockoutProbe(), "guess").getForEntity(url("/api/permits"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity(url("/api/permits"), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asAuditor().getForEntity(url("/api/permits"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void consularOfficersReadTheContractRegisterAndAnyoneTheCountryPacks() {
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/contracts?citizen=N00000000"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/contracts/CV-1999-000001"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/contracts"), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(asAuditor().getForEntity(url("/api/contracts?citizen=N00000000"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(asCaseworker("permit-officer").getForEntity(url("/api/contracts?citizen=N00000000"),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asCaseworker("consular-officer").getForEntity(url("/api/permits"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(rest.getForEntity(url("/api/contracts?citizen=N00000000"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        // public information for workers: no login, and read-only
        assertThat(rest.getForEntity(url("/api/country-packs"), String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity(url("/api/country-packs/KOR/versions/1"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(rest.getForEntity(url("/api/country-packs/XXX"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.postForEntity(url("/api/country-packs/KOR"), "{}", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(asOperator().postForEntity(url("/api/country-packs/KOR"), "{}", String.class).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    // ---- helpers ----

    /**
     * A caseworker only this class logs in as, so that the lock a wrong password causes cannot refuse another IT's
     * demo user on the shared hub. Created by the demo admin through Camunda's REST API (again: 4xx or 5xx, ignored).
     */
    private String lockoutProbe() throws Exception {
        String id = "lockout-probe";
        asCaseworker("admin").postForEntity(url("/engine-rest/user/create"), json(Map.of(
                "profile", Map.of("id", id, "firstName", "Lockout", "lastName", "Probe", "email", "probe@lmx.invalid"),
                "credentials", Map.of("password", UUID.randomUUID().toString()))), String.class);
        return id;
    }

    /**
     * Logs in to a Camunda web application as its login page does, on a fresh session: a first request gives the
     * session and its CSRF token (Camunda's own protection), the form POST sends both back.
     */
    private ResponseEntity<String> webappLogin(String user, String application) {
        ResponseEntity<String> page = rest.getForEntity(url("/camunda/app/" + application + "/"), String.class);
        List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.put(HttpHeaders.COOKIE, List.of(String.join("; ", cookies)));
        headers.set("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", DevelopmentCaseworkers.password(DATA_DIR.resolve(DevelopmentCaseworkers.FILE), user));
        return rest.exchange(url("/camunda/api/admin/auth/user/default/login/" + application), HttpMethod.POST,
                new HttpEntity<>(form, headers), String.class);
    }

    private void deployAsAdmin(String name, String bpmn) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", name);
        parts.add("deploy-changed-only", "true");
        parts.add("data", new ByteArrayResource(bpmn.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return name + ".bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<String> deployed = asCaseworker("admin").postForEntity(url("/engine-rest/deployment/create"),
                new HttpEntity<>(parts, headers), String.class);
        assertThat(deployed.getStatusCode()).as(deployed.getBody()).isEqualTo(HttpStatus.OK);
    }

    private static JsonNode json(ResponseEntity<String> response) throws Exception {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
        return JSON.readTree(response.getBody());
    }
}
