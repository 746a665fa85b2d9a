package org.lmx.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agency.AgencyQueues;

/**
 * The embedded broker listens for agencies only once they are let in. A broker that listened from its start would
 * refuse, as unknown, every agency that reconnects while the hub is still starting, and Qpid JMS's failover takes a
 * refused login as final: the agency would never come back by itself (seen in CrashIT).
 */
class EmbeddedBrokerTest {

    @TempDir
    Path dir;

    @Test
    void theAgenciesAcceptorsOpenOnlyOnceTheAgenciesAreLetIn() throws Exception {
        int amqpPort = freePort();
        int corePort = freePort();
        BrokerCredentials credentials = BrokerCredentials.open(dir.resolve(BrokerCredentials.FILE));
        AgencyQueues police = AgencyQueues.of("KAZ:MIA");
        credentials.ensure(List.of(BrokerCredentials.HUB_USER, police.user()));
        EmbeddedBroker broker = new EmbeddedBroker(new LmxProperties.Broker(true, "127.0.0.1", corePort, amqpPort,
                null, null, null), dir.resolve("broker"), credentials);
        broker.start();
        try {
            // started (the hub's in-VM acceptor is up), but nothing listens where agencies connect
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), amqpPort).close())
                    .isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), corePort).close())
                    .isInstanceOf(ConnectException.class);

            broker.allow(police, credentials.password(police.user()));
            broker.openAcceptors();
            broker.openAcceptors(); // after every agreements reload: those open stay open

            assertThat(broker.port("amqp")).isEqualTo(amqpPort);
            assertThat(broker.port("core")).isEqualTo(corePort);
            try (Connection connection = new JmsConnectionFactory("amqp://127.0.0.1:" + amqpPort)
                    .createConnection(police.user(), credentials.password(police.user()))) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createConsumer(session.createQueue(police.in())).close();
            }
        } finally {
            broker.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
