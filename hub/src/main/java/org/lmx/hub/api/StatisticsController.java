package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lmx.hub.audit.AuditLog;
import org.lmx.processes.statistics.CaseHistory;
import org.lmx.processes.statistics.MonthlyReports;
import org.lmx.processes.statistics.MonthlyReports.MonthlyReport;
import org.lmx.processes.statistics.StatisticsIndicators;
import org.lmx.processes.statistics.StatisticsVariables;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The indicators for the statistics bureau (KAZ:BNS): operators and auditors read a month's values, the same the
 * monthly StatisticsReport carries; operators send a finished month's report now (one per month; audited).
 */
@RestController
@Tag(name = "Statistics", description = "The monthly indicators for the statistics bureau (KAZ:BNS)")
@SecurityRequirement(name = "basic")
class StatisticsController {

    static final String REPORT = "statistics.report";

    private final StatisticsIndicators indicators;
    private final MonthlyReports reports;
    private final HistoryService history;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final Clock clock;

    StatisticsController(StatisticsIndicators indicators, MonthlyReports reports, HistoryService history,
                         RuntimeService runtime, AuditLog audit, Clock clock) {
        this.indicators = indicators;
        this.reports = reports;
        this.history = history;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code {"month": "2026-10"}} */
    record ReportRequest(String month) {
    }

    record IndicatorView(String code, String by, String key, BigDecimal value) {
    }

    record ReportView(String reportReference, String messageId, String conversationId, OffsetDateTime sentAt) {
    }

    /** A month's indicators; {@code report} is the StatisticsReport sent for it, or null. */
    record MonthView(String month, LocalDate from, LocalDate to, String zone, ReportView report,
                     List<IndicatorView> indicators) {
    }

    @GetMapping("/api/statistics")
    @Operation(summary = "A month's indicators (the values of its StatisticsReport, measured now), and the report"
            + " sent for it if any. A month not over yet gives the values so far")
    MonthView month(@Parameter(description = "e.g. 2026-10") @RequestParam String month) {
        YearMonth m = parseMonth(month);
        if (m.isAfter(thisMonth())) {
            throw ApiProblem.badRequest(month + " has not begun (the months are counted in " + indicators.zone()
                    + ")");
        }
        List<IndicatorView> values = indicators.of(m, CaseHistory.of(history)).stream()
                .map(v -> new IndicatorView(v.code(), v.by().name(), v.key(), v.value())).toList();
        return new MonthView(m.toString(), m.atDay(1), m.atEndOfMonth(), indicators.zone().getId(),
                reports.find(m).map(StatisticsController::view).orElse(null), values);
    }

    @PostMapping(path = "/api/statistics/report", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Send a finished month's StatisticsReport to KAZ:BNS now (the statistics-report process,"
            + " business key statistics-report-<month>): 201 with the report sent, 409 when the month has been"
            + " reported already (one report per month), 400 for a month that is not over")
    ResponseEntity<ReportView> report(@RequestBody ReportRequest request, Principal user) {
        String given = request == null ? null : request.month();
        YearMonth m;
        try {
            m = parseMonth(given);
        } catch (ApiProblem e) {
            audit.record(user.getName(), REPORT, String.valueOf(given), "REFUSED", "not a month");
            throw e;
        }
        String key = StatisticsVariables.businessKey(m);
        if (!m.isBefore(thisMonth())) {
            audit.record(user.getName(), REPORT, key, "REFUSED", "the month is not over");
            throw ApiProblem.badRequest(m + " is not over: a month is reported once, when it has ended");
        }
        MonthlyReport done = reports.find(m).orElse(null);
        if (done != null) {
            audit.record(user.getName(), REPORT, key, "CONFLICT", "reported already: " + done.messageId());
            throw ApiProblem.conflict(m + " has been reported already (StatisticsReport " + done.messageId()
                    + ", process " + done.processInstanceId() + ")");
        }
        ProcessInstance started;
        try {
            started = runtime.startProcessInstanceByMessage(StatisticsVariables.START_MESSAGE, key,
                    Map.of(StatisticsVariables.MONTH, m.toString()));
        } catch (RuntimeException e) {
            // e.g. the bureau's agreement is not ACTIVE: nothing was sent or claimed (the start rolled back)
            audit.record(user.getName(), REPORT, key, "FAILED", String.valueOf(e.getMessage()));
            throw ApiProblem.conflict(m + " could not be reported: " + e.getMessage());
        }
        MonthlyReport sent = reports.find(m).orElse(null);
        if (sent == null || !started.getId().equals(sent.processInstanceId())) {
            // another start of the same month (the timer, another node) won the race: this case ended at once
            audit.record(user.getName(), REPORT, key, "CONFLICT", "started at the same time as another: "
                    + started.getId() + " ended at once");
            throw ApiProblem.conflict(m + " was being reported at the same time");
        }
        audit.record(user.getName(), REPORT, key, "SENT", "StatisticsReport " + sent.messageId() + ", process "
                + started.getId());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(sent));
    }

    private static ReportView view(MonthlyReport r) {
        return new ReportView(r.reportReference(), r.messageId(), r.conversationId(), r.sentAt());
    }

    private YearMonth thisMonth() {
        return YearMonth.from(clock.instant().atZone(indicators.zone()));
    }

    private static YearMonth parseMonth(String text) {
        try {
            if (text == null || !text.matches("[0-9]{4}-[0-9]{2}")) {
                throw new DateTimeParseException("", String.valueOf(text), 0);
            }
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("give the month as YYYY-MM, e.g. 2026-10, not " + text);
        }
    }
}
