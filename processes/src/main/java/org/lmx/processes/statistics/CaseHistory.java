package org.lmx.processes.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;

/**
 * What the indicators read from the engine's history: the cases of a process started or finished in a period, and a
 * text variable of cases. An interface so that the indicators measured on the processes' tables can be checked on
 * a database without an engine (PostgreSQL in the hub's tests).
 */
public interface CaseHistory {

    /** Nothing happened: for measuring the tables alone. */
    CaseHistory NONE = new CaseHistory() {
        @Override
        public List<String> started(String processKey, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<String> finished(String processKey, Instant from, Instant to) {
            return List.of();
        }

        @Override
        public List<String> texts(List<String> caseIds, String variable) {
            return List.of();
        }
    };

    /** The ids of the process's cases started in [from, to). */
    List<String> started(String processKey, Instant from, Instant to);

    /** The ids of the process's cases finished in [from, to). */
    List<String> finished(String processKey, Instant from, Instant to);

    /** The variable's value in each of the cases that has it as text. */
    List<String> texts(List<String> caseIds, String variable);

    /** Camunda's history (its bounds are inclusive: the end is filtered here). */
    static CaseHistory of(HistoryService history) {
        int chunk = 500;
        return new CaseHistory() {
            @Override
            public List<String> started(String processKey, Instant from, Instant to) {
                return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                        .startedAfter(Date.from(from)).startedBefore(Date.from(to)).list().stream()
                        .filter(p -> within(p.getStartTime(), from, to)).map(HistoricProcessInstance::getId).toList();
            }

            @Override
            public List<String> finished(String processKey, Instant from, Instant to) {
                return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                        .finishedAfter(Date.from(from)).finishedBefore(Date.from(to)).list().stream()
                        .filter(p -> p.getEndTime() != null && within(p.getEndTime(), from, to))
                        .map(HistoricProcessInstance::getId).toList();
            }

            @Override
            public List<String> texts(List<String> caseIds, String variable) {
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < caseIds.size(); i += chunk) {
                    String[] ids = caseIds.subList(i, Math.min(caseIds.size(), i + chunk)).toArray(String[]::new);
                    history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).variableName(variable)
                            .list().stream().map(HistoricVariableInstance::getValue)
                            .filter(v -> v instanceof String).map(String.class::cast).forEach(texts::add);
                }
                return texts;
            }
        };
    }

    private static boolean within(Date time, Instant from, Instant to) {
        return !time.toInstant().isBefore(from) && time.toInstant().isBefore(to);
    }
}
