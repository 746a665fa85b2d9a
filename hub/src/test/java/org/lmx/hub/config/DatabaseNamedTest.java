package org.lmx.hub.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** An operator who starts the hub on PostgreSQL and forgets the database is told what to set. */
class DatabaseNamedTest {

    @Test
    void postgresWithoutDatabaseIsRefusedNamingEverySetting() {
        MockEnvironment environment = postgres(Map.of("spring.datasource.url", "${SPRING_DATASOURCE_URL}",
                "spring.datasource.username", "lmx"));

        assertThatThrownBy(() -> DatabaseNamed.check(environment))
                .isInstanceOf(StartRefused.class)
                .hasMessageContaining("spring.datasource.url (environment: SPRING_DATASOURCE_URL)")
                .hasMessageContaining("spring.datasource.password")
                .hasMessageNotContaining("spring.datasource.username");
    }

    @Test
    void postgresWithDatabaseStarts() {
        MockEnvironment environment = postgres(Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/lmx",
                "spring.datasource.username", "lmx", "spring.datasource.password", "from-the-secrets"));

        assertThatCode(() -> DatabaseNamed.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void embeddedDefaultsAreNotChecked() {
        assertThatCode(() -> DatabaseNamed.check(new MockEnvironment()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment postgres(Map<String, Object> settings) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
        return environment;
    }
}
