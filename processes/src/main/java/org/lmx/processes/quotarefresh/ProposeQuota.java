package org.lmx.processes.quotarefresh;

import static org.lmx.processes.quotarefresh.QuotaRefreshVariables.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.lmx.processes.quota.DemandLine;
import org.lmx.processes.quota.DemandReports;
import org.lmx.processes.quota.QuotaPlaces;

/**
 * The proposal: the decision table {@value QuotaRefreshVariables#DECISION_KEY} weighs each demand line of the year
 * and says which share of its shortage (requested - local candidates) becomes quota; the places are summed per
 * sector and region. The ranking orders the professions (ISCO code) with a weight above 0 by their highest weight,
 * then by their shortage ratio over all regions, then by their shortage in workers, then by code.
 */
public class ProposeQuota implements JavaDelegate {

    private final DemandReports reports;

    public ProposeQuota(DemandReports reports) {
        this.reports = reports;
    }

    /** A demand line as the table judged it. */
    record Judged(DemandLine line, int weight, int places) {
    }

    /** A profession over all regions. */
    record Profession(String iscoCode, String title, int weight, int requested, int gap) {

        double ratio() {
            return requested == 0 ? 0 : (double) gap / requested;
        }
    }

    @Override
    public void execute(DelegateExecution execution) {
        int year = ((Number) execution.getVariable(YEAR)).intValue();
        DecisionService decisions = execution.getProcessEngineServices().getDecisionService();
        List<Judged> judged = new ArrayList<>();
        for (DemandLine line : reports.lines(year)) {
            judged.add(judge(decisions, line));
        }
        Map<String, Integer> places = new TreeMap<>();
        for (Judged j : judged) {
            if (j.weight() > 0) {
                places.merge(j.line().sector() + " " + j.line().region(), j.places(), Integer::sum);
            }
        }
        List<QuotaPlaces> proposal = places.entrySet().stream()
                .map(e -> new QuotaPlaces(e.getKey().split(" ")[0], e.getKey().split(" ")[1], e.getValue())).toList();
        List<Profession> ranking = rank(judged);
        StringBuilder shown = new StringBuilder();
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < ranking.size(); i++) {
            Profession p = ranking.get(i);
            shown.append(i + 1).append(". ").append(p.iscoCode()).append(' ').append(p.title()).append(": weight ")
                    .append(p.weight()).append(", shortage ").append(p.gap()).append(" of ").append(p.requested())
                    .append(" (").append(percent(p.ratio())).append(")\n");
            codes.append(p.iscoCode()).append(' ').append(p.title()).append('\n');
        }
        StringBuilder lines = new StringBuilder();
        for (Judged j : judged) {
            DemandLine l = j.line();
            lines.append(l.region()).append(' ').append(l.sector()).append(' ').append(l.iscoCode()).append(' ')
                    .append(l.jobTitle()).append(": requested ").append(l.requested()).append(", local ")
                    .append(l.localCandidates()).append(", shortage ").append(percent(l.shortageRatio()))
                    .append(" -> weight ").append(j.weight()).append(", proposed ").append(j.places()).append('\n');
        }
        String text = QuotaText.write(proposal);
        execution.setVariable(DEMAND_LINES, lines.toString().strip());
        execution.setVariable(RANKING, shown.toString().strip());
        execution.setVariable(RANKED_PROFESSIONS, codes.toString().strip());
        execution.setVariable(PROPOSED_LINES, text);
        execution.setVariable(QUOTA_LINES, text);
    }

    private static Judged judge(DecisionService decisions, DemandLine line) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(DECISION_KEY)
                .variables(Variables.createVariables().putValue("sector", line.sector())
                        .putValue("shortageRatio", line.shortageRatio()))
                .evaluate().getSingleResult();
        int weight = ((Number) result.getEntry("weight")).intValue();
        double coverage = ((Number) result.getEntry("coverage")).doubleValue();
        // floor with a little slack, so that 0.8 x 10 is 8 and not 7 by floating point
        return new Judged(line, weight, weight == 0 ? 0 : (int) Math.floor(line.gap() * coverage + 1e-9));
    }

    static List<Profession> rank(List<Judged> judged) {
        Map<String, Profession> byCode = new LinkedHashMap<>();
        for (Judged j : judged) {
            DemandLine l = j.line();
            byCode.merge(l.iscoCode(), new Profession(l.iscoCode(), l.jobTitle(), j.weight(), l.requested(), l.gap()),
                    (a, b) -> new Profession(a.iscoCode(), a.title(), Math.max(a.weight(), b.weight()),
                            a.requested() + b.requested(), a.gap() + b.gap()));
        }
        return byCode.values().stream().filter(p -> p.weight() > 0)
                .sorted(Comparator.comparingInt(Profession::weight).reversed()
                        .thenComparing(Comparator.comparingDouble(Profession::ratio).reversed())
                        .thenComparing(Comparator.comparingInt(Profession::gap).reversed())
                        .thenComparing(Profession::iscoCode))
                .toList();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }
}
