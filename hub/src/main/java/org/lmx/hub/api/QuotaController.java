package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lmx.hub.audit.AuditLog;
import org.lmx.processes.quota.QuotaLedger;
import org.lmx.processes.quotarefresh.QuotaRefreshVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national quota ledger and its yearly refresh: operators and quota officers start a quota-refresh case for a
 * year (one at a time per year; audited); operators, auditors, permit and quota officers read the ledger.
 */
@RestController
@Tag(name = "Quotas", description = "The national quota of foreign labour and its yearly refresh")
@SecurityRequirement(name = "basic")
class QuotaController {

    static final String REFRESH = "quotas.refresh";

    private final QuotaLedger ledger;
    private final RuntimeService runtime;
    private final AuditLog audit;

    QuotaController(QuotaLedger ledger, RuntimeService runtime, AuditLog audit) {
        this.ledger = ledger;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** {@code {"year": 2027}} */
    record RefreshRequest(Integer year) {
    }

    record RefreshStarted(int year, String processInstanceId, String businessKey) {
    }

    record QuotaLineView(int year, String sector, String region, int places, int taken, int remaining) {
    }

    @PostMapping(path = "/api/quotas/refresh", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Start the quota refresh of a year (business key quota-refresh-<year>): the akimats' demand"
            + " reports give a proposal that a quota officer reviews in Tasklist; 201 with the case, 409 when a refresh"
            + " of that year is running")
    ResponseEntity<RefreshStarted> refresh(@RequestBody RefreshRequest request, Principal user) {
        Integer year = request == null ? null : request.year();
        if (year == null || year < 2000 || year > 2999) {
            audit.record(user.getName(), REFRESH, String.valueOf(year), "REFUSED", "no year from 2000 to 2999");
            throw ApiProblem.badRequest("give the year of the quota, e.g. {\"year\": 2027}");
        }
        String key = QuotaRefreshVariables.businessKey(year);
        List<ProcessInstance> running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(QuotaRefreshVariables.PROCESS_KEY).processInstanceBusinessKey(key).list();
        if (!running.isEmpty()) {
            audit.record(user.getName(), REFRESH, key, "CONFLICT", "already running: " + running.get(0).getId());
            throw ApiProblem.conflict("a quota refresh of " + year + " is running: process " + running.get(0).getId());
        }
        ProcessInstance started = runtime.startProcessInstanceByMessage(QuotaRefreshVariables.START_MESSAGE, key,
                Map.of(QuotaRefreshVariables.YEAR, year));
        if (started.isEnded()) {
            // another start of the same year won the race: the process ended at once (alreadyRunning)
            audit.record(user.getName(), REFRESH, key, "CONFLICT", "started at the same time as another: "
                    + started.getId() + " ended at once");
            throw ApiProblem.conflict("a quota refresh of " + year + " was started at the same time");
        }
        audit.record(user.getName(), REFRESH, key, "STARTED", "process " + started.getId());
        return ResponseEntity.status(HttpStatus.CREATED).body(new RefreshStarted(year, started.getId(), key));
    }

    @GetMapping("/api/quotas")
    @Operation(summary = "The ledger's lines of a year, by sector and region: places, places taken by permits, and"
            + " places left")
    List<QuotaLineView> lines(@Parameter(description = "e.g. 2027") @RequestParam int year) {
        ApiParameters.within("year", year, 2000, 2999);
        return ledger.lines(year).stream().map(l -> new QuotaLineView(l.year(), l.sector(), l.region(), l.places(),
                l.taken(), l.remaining())).toList();
    }
}
