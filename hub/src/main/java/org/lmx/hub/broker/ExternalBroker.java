package org.lmx.hub.broker;

import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.lmx.routes.agency.AgencyQueues;

/**
 * An external Artemis broker ({@code lmx.broker.embedded=false}): its operator keeps the users, their rights and the
 * queues ({@code lmx broker security} prints what they must be). The hub can only look: it asks, as its own user,
 * which of the agencies' queues are missing.
 */
public final class ExternalBroker {

    private static final long CALL_TIMEOUT_MILLIS = 5000;

    private final String url;
    private final String user;
    private final String password;

    public ExternalBroker(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    public String url() {
        return url;
    }

    /**
     * The queues of {@code agencies} ({@code .in}, {@code .out}, {@code .dlq}) that the broker does not have.
     *
     * @throws Exception if the broker cannot be reached, or refuses the hub's user
     */
    public List<String> missingQueues(List<AgencyQueues> agencies) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(url)
                .setCallTimeout(CALL_TIMEOUT_MILLIS).setInitialConnectAttempts(1).setReconnectAttempts(0);
             ClientSessionFactory factory = locator.createSessionFactory();
             ClientSession session = factory.createSession(user, password, false, true, true, false, 0)) {
            List<String> missing = new ArrayList<>();
            for (AgencyQueues agency : agencies) {
                for (String queue : List.of(agency.in(), agency.out(), agency.deadLetters())) {
                    if (!session.queueQuery(SimpleString.of(queue)).isExists()) {
                        missing.add(queue);
                    }
                }
            }
            return missing;
        }
    }
}
