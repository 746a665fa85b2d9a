package org.lmx.hub.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSSecurityException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/** An external broker that refuses the hub's login (or is down) makes the broker group DOWN, with the reason. */
class BrokerHealthIndicatorTest {

    @Test
    void anExternalBrokerThatRefusesTheHubIsDownWithTheReason() throws Exception {
        ConnectionFactory refusing = mock(ConnectionFactory.class);
        when(refusing.createConnection()).thenThrow(new JMSSecurityException("AMQ229031: Unable to validate user lmx-hub"));

        Health health = new BrokerHealthIndicator(refusing, null, "tcp://broker.example:61616").health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("broker", "external tcp://broker.example:61616");
        assertThat(String.valueOf(health.getDetails().get("error"))).contains("Unable to validate user lmx-hub");
    }
}
