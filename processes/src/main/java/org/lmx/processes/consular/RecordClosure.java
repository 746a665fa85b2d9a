package org.lmx.processes.consular;

import static org.lmx.processes.consular.ConsularVariables.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lmx.processes.cases.CaseValues;
import org.lmx.xsd.exchange.v1.ConsularOutcome;

/**
 * Task listener (event complete) of {@code closeCase}: checks the outcomes (ConsularOutcome codes), the summary and
 * the optional wages recovered ("AED 6600.00"), and fixes who closed the case and when, so that the CaseOutcome
 * built afterwards is the same document however often its step runs.
 */
public class RecordClosure implements TaskListener {

    private final Clock clock;

    public RecordClosure(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcomes = CaseValues.string(task, OUTCOMES);
        String normalised = outcomes == null ? "" : Arrays.stream(outcomes.trim().split("[\\s,;]+"))
                .filter(s -> !s.isEmpty()).distinct().collect(Collectors.joining(" "));
        if (normalised.isEmpty()) {
            throw new ProcessEngineException("outcomes are required, e.g. WAGES_RECOVERED REPATRIATED");
        }
        for (String outcome : normalised.split(" ")) {
            try {
                ConsularOutcome.fromValue(outcome);
            } catch (IllegalArgumentException e) {
                throw new ProcessEngineException("not an outcome: " + outcome + " (one of "
                        + Arrays.stream(ConsularOutcome.values()).map(ConsularOutcome::value)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        String summary = CaseValues.string(task, OUTCOME_SUMMARY);
        if (summary == null || summary.isBlank()) {
            throw new ProcessEngineException(OUTCOME_SUMMARY + " is required: every party reads it");
        }
        String wages = CaseValues.string(task, WAGES_RECOVERED);
        if (wages != null && !wages.isBlank()) {
            task.setVariable(WAGES_RECOVERED, Money.parse(wages));
        } else {
            task.setVariable(WAGES_RECOVERED, null);
        }
        task.setVariable(OUTCOMES, normalised);
        task.setVariable(CLOSED_BY, Deciders.user(task));
        task.setVariable(CLOSED_AT, Date.from(clock.instant()));
    }

    /** "AED 6600" or "6600 AED" -> "AED 6600.00"; anything else is refused. */
    static final class Money {

        private Money() {
        }

        static String parse(String text) {
            String[] parts = text.trim().split("\\s+");
            if (parts.length == 2) {
                String currency = parts[0].matches("[A-Z]{3}") ? parts[0] : parts[1];
                String amount = currency.equals(parts[0]) ? parts[1] : parts[0];
                if (currency.matches("[A-Z]{3}")) {
                    try {
                        BigDecimal value = new BigDecimal(amount.replace(",", "")).setScale(2);
                        if (value.signum() >= 0) {
                            return currency + " " + value.toPlainString();
                        }
                    } catch (ArithmeticException | NumberFormatException e) {
                        // refused below
                    }
                }
            }
            throw new ProcessEngineException("wages recovered as currency and amount, e.g. AED 6600.00, not " + text);
        }
    }
}
