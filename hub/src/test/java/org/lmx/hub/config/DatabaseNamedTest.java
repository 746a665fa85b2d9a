package org.lmx.hub.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** An operator who starts the hub on PostgreSQL and forgets the database is told what to set. */
class DatabaseNamedTest {

    private final DatabaseNamed check = new DatabaseNamed();

    @Test
    void postgresWithoutDatabaseIsRefusedNamingEverySetting() {
        MockEnvironment environment = postgres(Map.of("spring.datasource.url", "${SPRING_DATASOURCE_URL}",
                "spring.datasource.username", "lmx"));

        assertThatThrownBy(() -> check.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("spring.datasource.url (environment: SPRING_DATASOURCE_URL)")
                .hasMessageContaining("spring.datasource.password")
                .hasMessageNotContaining("spring.datasource.username");
    }

    @Test
    void postgresWithDatabaseStarts() {
        MockEnvironment environment = postgres(Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/lmx",
                "spring.datasource.username", "lmx", "spring.datasource.password", "from-the-secrets"));

        assertThatCode(() -> check.postProcessEnvironment(environment, new SpringApplication())).doesNotThrowAnyException();
    }

    @Test
    void embeddedDefaultsAreNotChecked() {
        assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment postgres(Map<String, Object> settings) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
