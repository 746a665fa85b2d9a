package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import org.junit.jupiter.api.Test;
import org.lmx.hub.broker.EmbeddedBroker;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded broker as the migration police (MIA) and the border service (BORDER) meet it with Qpid JMS over
 * AMQP 1.0: each logs in with its own generated password and reaches only its own queues; nobody gets in
 * anonymously.
 */
class AgencyBrokerIT extends HubIT {

    @Autowired
    EmbeddedBroker broker;

    @Test
    void anAgencyConsumesItsOwnInQueue() throws Exception {
        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA");
             MessageConsumer in = police.consumer(AgencyClient.in("MIA"))) {
            assertThat(in.receiveNoWait()).isNull();
        }
    }

    @Test
    void anonymousIsRefused() {
        assertThatThrownBy(() -> AgencyClient.factory(broker.port("amqp")).createConnection().start())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> AgencyClient.factory(broker.port("amqp")).createConnection("MIA", "guess").start())
                .isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void anAgencyCannotConsumeAnotherAgencysQueue() throws Exception {
        try (AgencyClient police = AgencyClient.connect(broker.port("amqp"), DATA_DIR, "MIA")) {
            assertThatThrownBy(() -> police.consumer(AgencyClient.in("BORDER")))
                    .isInstanceOf(JMSException.class).hasMessageContaining("BORDER");
        }
    }
}
