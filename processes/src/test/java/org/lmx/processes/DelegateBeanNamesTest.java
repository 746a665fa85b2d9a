package org.lmx.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hub registers every process's delegate beans as Spring beans under the names the BPMN gives them, in one
 * namespace: two processes naming a step's bean alike would stop the hub at start (as sendInformationRequest of
 * work-permit and consular-protection once did).
 */
class DelegateBeanNamesTest {

    private static final Pattern DELEGATE = Pattern.compile("(?:camunda:)?delegateExpression=\"\\$\\{([A-Za-z0-9_]+)}\"");

    @Test
    void noTwoProcessesNameADelegateBeanAlike() throws IOException {
        Map<String, TreeSet<String>> processesByBean = new HashMap<>();
        List<Path> models;
        try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "bpmn"))) {
            models = files.filter(f -> f.toString().endsWith(".bpmn")).toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(4);
        for (Path model : models) {
            Matcher m = DELEGATE.matcher(Files.readString(model));
            while (m.find()) {
                processesByBean.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(model.getFileName().toString());
            }
        }
        assertThat(processesByBean).isNotEmpty();
        assertThat(processesByBean).allSatisfy((bean, processes) -> assertThat(processes).as(bean).hasSize(1));
    }
}
