package org.lmx.hub.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hub's own settings ({@code lmx.*}).
 *
 * @param dataDir  where the hub keeps its database, PKI, credentials and agreement files ({@code --lmx.data-dir})
 * @param hubParty the party the hub is ({@code KAZ:MLSP}); every document it receives is addressed to it
 * @param demo     install the demo agreements on first start (development)
 * @param crlUrl   the CRL distribution point written into the development PKI's certificates
 * @param outbox   how often and how much the dispatcher takes from the outbox
 * @param broker   the message broker of the domestic agencies: embedded (default) or external
 * @param push     the calls to push partners' endpoints
 */
@ConfigurationProperties("lmx")
public record LmxProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("KAZ:MLSP") String hubParty,
        @DefaultValue("true") boolean demo,
        @DefaultValue("http://localhost:8080/pki/crl/hub-ca.crl") URI crlUrl,
        @DefaultValue Outbox outbox,
        @DefaultValue Broker broker,
        @DefaultValue Push push) {

    /**
     * @param connectTimeout how long a push partner's endpoint may take to accept the connection
     * @param receiveTimeout how long it may take to answer Submit; either way the attempt failed and is retried
     */
    public record Push(@DefaultValue("10s") Duration connectTimeout, @DefaultValue("60s") Duration receiveTimeout) {
    }

    /**
     * @param pollMillis how often the dispatcher looks for accepted documents not yet dispatched
     * @param batch      how many it takes at a time
     */
    public record Outbox(@DefaultValue("500") long pollMillis, @DefaultValue("100") int batch) {
    }

    /**
     * @param embedded  run the hub's own Artemis broker (journal under the data directory); false: use {@code url}
     * @param host      where the embedded broker's acceptors listen (loopback unless an operator decides otherwise)
     * @param corePort  the embedded broker's Artemis Core acceptor (0: any free port)
     * @param amqpPort  the embedded broker's AMQP 1.0 acceptor (0: any free port)
     * @param url       an external broker (Artemis Core URL, e.g. {@code tcp://broker:61616}) when not embedded
     * @param user      the hub's user at the external broker
     * @param password  its password
     */
    public record Broker(@DefaultValue("true") boolean embedded, @DefaultValue("127.0.0.1") String host,
                         @DefaultValue("61616") int corePort, @DefaultValue("5672") int amqpPort,
                         String url, String user, String password) {
    }
}
