package org.lmx.processes.quotarefresh;

import static org.lmx.processes.quotarefresh.QuotaRefreshVariables.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lmx.processes.quota.DemandLine;
import org.lmx.processes.quota.DemandReports;

/** Which regions have reported their demand for the year (each region's latest report), for the officer. */
public class GatherDemand implements JavaDelegate {

    private final DemandReports reports;

    public GatherDemand(DemandReports reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = ((Number) execution.getVariable(YEAR)).intValue();
        List<DemandLine> lines = reports.lines(year);
        Map<String, String> byRegion = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (DemandLine line : lines) {
            byRegion.put(line.region(), line.reportReference() + " from " + line.reportedBy());
            counts.merge(line.region(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder();
        byRegion.forEach((region, report) -> text.append(region).append(": ").append(report).append(", ")
                .append(counts.get(region)).append(" lines\n"));
        execution.setVariable(DEMAND_REPORTS, text.isEmpty() ? "no region has reported its demand for " + year
                : text.toString().strip());
    }
}
