package org.lmx.hub.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * {@code lmx_cases_open{process}}: running process instances per process definition key (all versions), counted
 * by the engine. One gauge per process deployed at start: the hub deploys its processes with itself.
 */
final class OpenCasesGauges {

    static final String OPEN_CASES = "lmx.cases.open";

    private OpenCasesGauges() {
    }

    static void register(MeterRegistry registry, ProcessEngine engine, Duration refresh, Clock clock) {
        RefreshedValues counts = new RefreshedValues(() -> counts(engine), refresh, clock);
        TreeSet<String> keys = new TreeSet<>();
        engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> keys.add(d.getKey()));
        for (String key : keys) {
            Gauge.builder(OPEN_CASES, counts, c -> c.get(key))
                    .description("running cases (process instances) per process")
                    .tags("process", key)
                    .strongReference(true) // only the gauges hold the counts (see MessageLogGauges)
                    .register(registry);
        }
    }

    private static Map<String, Long> counts(ProcessEngine engine) {
        Map<String, Long> counts = new HashMap<>();
        for (ProcessDefinition d : engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
            counts.put(d.getKey(), engine.getRuntimeService().createProcessInstanceQuery()
                    .processDefinitionKey(d.getKey()).count());
        }
        return counts;
    }
}
