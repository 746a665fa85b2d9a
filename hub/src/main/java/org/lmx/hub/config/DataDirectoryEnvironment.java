package org.lmx.hub.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code lmx.data-dir} absolute and derives the embedded database's URL from it, before anything
 * connects: H2 refuses implicitly relative paths, and one option should move everything the hub keeps.
 * WRITE_DELAY=0 because ACCEPTED means committed to disk (ARCHITECTURE.md "Reliability contract").
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Path dataDir = Path.of(environment.getProperty("lmx.data-dir", "./data")).toAbsolutePath().normalize();
        Map<String, Object> derived = new HashMap<>();
        derived.put("lmx.data-dir", dataDir.toString());
        if (!environment.containsProperty("spring.datasource.url")) {
            derived.put("spring.datasource.url", "jdbc:h2:file:" + dataDir.resolve("db").resolve("lmx") + ";WRITE_DELAY=0");
        }
        environment.getPropertySources().addFirst(new MapPropertySource("lmxDataDirectory", derived));
    }
}
