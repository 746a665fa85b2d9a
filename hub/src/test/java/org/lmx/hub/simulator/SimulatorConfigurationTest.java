package org.lmx.hub.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.config.DataDirectory;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agreements.AgreementRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The simulators exist only when turned on, and a data directory without the development PKI stops the start. */
class SimulatorConfigurationTest {

    @TempDir
    Path productionPki;

    private ApplicationContextRunner hub() {
        DataDirectory data = mock(DataDirectory.class);
        when(data.pki()).thenReturn(productionPki);
        return new ApplicationContextRunner().withUserConfiguration(SimulatorConfiguration.class)
                .withBean(DataDirectory.class, () -> data)
                .withBean(LmxProperties.class, () -> new Binder(new MapConfigurationPropertySource(Map.of()))
                        .bindOrCreate("lmx", LmxProperties.class))
                .withBean(Clock.class, Clock::systemUTC)
                .withBean(AgencyAccess.class, () -> mock(AgencyAccess.class))
                .withBean(BrokerCredentials.class, () -> mock(BrokerCredentials.class))
                .withBean(AgreementRegistry.class, () -> mock(AgreementRegistry.class));
    }

    @Test
    void offUnlessTurnedOn() {
        hub().run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SimulatedParties.class)
                .doesNotHaveBean(SimulatedAgencies.class).doesNotHaveBean(SimulatedPartners.class));
        hub().withPropertyValues("lmx.simulators.enabled=false").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(SimulatedAgencies.class));
    }

    @Test
    void turnedOnWithoutTheDevelopmentPkiTheHubDoesNotStart() {
        hub().withPropertyValues("lmx.simulators.enabled=true").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("lmx.simulators.enabled=true is refused")
                    .hasMessageContaining(productionPki.toString());
        });
    }

    @Test
    void theDemoRulesListHoldsTheStatelessSampleApplicantByDefault() {
        LmxProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("lmx", LmxProperties.class);
        assertThat(defaults.simulators().enabled()).isFalse();
        assertThat(defaults.simulators().identityHits()).containsExactly("LBG0312874");
        assertThat(defaults.simulators().partnerEndpoint()).isNull();
    }
}
