package org.lmx.hub.config;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The {@code postgres} profile has no default database on purpose (application-postgres.yml): a hub started with it
 * and no database named stops here with what to set, before dozens of beans fail on an unresolved JDBC URL. Checked
 * when the context refreshes, before any bean is made, so that every source of settings is in (a test's dynamic
 * properties come after the environment post-processors).
 */
@Component
public class DatabaseNamed implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String[] SETTINGS = {"spring.datasource.url", "spring.datasource.username", "spring.datasource.password"};

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        for (String setting : SETTINGS) {
            if (!resolvable(environment, setting)) {
                missing.add(setting + " (environment: " + setting.toUpperCase().replace('.', '_') + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new StartRefused("The profile 'postgres' names no database: " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " not set.",
                    "Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db.example:5432/lmx), SPRING_DATASOURCE_USERNAME and"
                            + " SPRING_DATASOURCE_PASSWORD, or give --spring.datasource.url=... on the command line"
                            + " (README, \"Production: PostgreSQL\"); or start without the profile for the embedded H2.");
        }
    }

    private static boolean resolvable(Environment environment, String setting) {
        try {
            String value = environment.getProperty(setting);
            return value != null && !value.contains("${");
        } catch (IllegalArgumentException unresolvedPlaceholder) {
            return false;
        }
    }
}
