package org.lmx.hub.production;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.lmx.hub.config.LmxProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code production} profile: checks the hub before anything of the data directory is read or created (the data
 * directory's bean asks for {@link ProductionMode} first) and refuses to start with every reason it finds.
 */
@Configuration(proxyBeanMethods = false)
@Profile("production")
class ProductionConfiguration {

    @Bean
    Secrets secrets(LmxProperties properties, Environment environment) {
        Path file = properties.production().secretsFile();
        String fromEnvironment = environment.getProperty("LMX_SECRETS_FILE");
        if (file == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            file = Path.of(fromEnvironment);
        }
        return Secrets.load(System.getenv(), file);
    }

    @Bean
    ProductionMode productionMode(LmxProperties properties, Secrets secrets, Environment environment, DataSource dataSource) {
        ProductionReadiness.Datasource datasource = new ProductionReadiness.Datasource(
                environment.getProperty("spring.datasource.url"), environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password"));
        return new ProductionMode(new ProductionReadiness(properties, secrets, datasource, () -> camundaUsers(dataSource)),
                secrets);
    }

    /** The users of Camunda's identity service; none before the engine's first start made its tables. */
    private static List<String> camundaUsers(DataSource dataSource) {
        try {
            return new JdbcTemplate(dataSource).queryForList("select ID_ from ACT_ID_USER", String.class);
        } catch (org.springframework.dao.DataAccessException e) {
            return List.of();
        }
    }
}
