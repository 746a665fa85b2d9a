package org.lmx.hub.it;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arguments of a hub that an IT starts beside the one the HubIT classes share in this JVM. Camunda keeps JVM-wide
 * state: engines are registered by name, and Tasklist/Cockpit/Admin hold their runtime in static fields that a
 * closing hub clears. So a second hub gets an engine name of its own and no Camunda web applications; otherwise
 * closing it would take the shared hub's engine from its REST API and break its Tasklist.
 */
final class SecondHub {

    private static final List<String> CAMUNDA_APART = List.of(
            "--camunda.bpm.generate-unique-process-engine-name=true",
            "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");

    private SecondHub() {
    }

    /** {@code arguments} and what keeps the second hub's Camunda apart from the shared hub's. */
    static String[] arguments(String... arguments) {
        List<String> all = new ArrayList<>(Arrays.asList(arguments));
        all.addAll(CAMUNDA_APART);
        return all.toArray(String[]::new);
    }
}
