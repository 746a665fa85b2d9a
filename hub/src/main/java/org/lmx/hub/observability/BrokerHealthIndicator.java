package org.lmx.hub.observability;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Session;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.hub.broker.EmbeddedBroker;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The agencies' broker ({@code broker}), embedded or external: the hub opens a JMS session with its own user (what
 * every delivery and agency route needs); for the embedded broker also whether the acceptors the agencies connect
 * to are open, and on which ports.
 */
class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final ConnectionFactory connections;
    private final EmbeddedBroker embedded;
    private final String externalUrl;

    /** @param embedded the hub's own broker, or null for an external one at {@code externalUrl} */
    BrokerHealthIndicator(ConnectionFactory connections, EmbeddedBroker embedded, String externalUrl) {
        super("the broker cannot be checked");
        this.connections = connections;
        this.embedded = embedded;
        this.externalUrl = externalUrl;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("broker", embedded != null ? "embedded" : "external " + externalUrl);
        boolean acceptorsOpen = true;
        if (embedded != null) {
            Map<String, Object> acceptors = new LinkedHashMap<>();
            for (String acceptor : EmbeddedBroker.NETWORK_ACCEPTORS) {
                boolean open = embedded.isOpen(acceptor);
                acceptorsOpen &= open;
                acceptors.put(acceptor, open ? "open on port " + embedded.port(acceptor) : "not open yet");
            }
            builder.withDetail("acceptors", acceptors);
        }
        // the hub's session, as its routes open them (a cached connection: no new login per check)
        Connection connection = connections.createConnection();
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            builder.withDetail("session", "opened as the hub's user");
        } finally {
            connection.close();
        }
        if (acceptorsOpen) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
