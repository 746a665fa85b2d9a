package org.lmx.hub.config;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code lmx.data-dir} absolute before anything reads it. application.yml derives the embedded
 * database's URL from it ({@code jdbc:h2:file:${lmx.data-dir}/db/lmx;WRITE_DELAY=0}), and H2 refuses
 * implicitly relative paths such as {@code --lmx.data-dir=hubdata}.
 */
public class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String configured = environment.getProperty("lmx.data-dir");
        if (configured != null) {
            String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("lmxDataDirectory", Map.of("lmx.data-dir", absolute)));
        }
    }
}
