package org.lmx.hub.config;

import java.net.URI;
import java.nio.file.Path;
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
 */
@ConfigurationProperties("lmx")
public record LmxProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("KAZ:MLSP") String hubParty,
        @DefaultValue("true") boolean demo,
        @DefaultValue("http://localhost:8080/pki/crl/hub-ca.crl") URI crlUrl,
        @DefaultValue Outbox outbox) {

    /**
     * @param pollMillis how often the dispatcher looks for accepted documents not yet dispatched
     * @param batch      how many it takes at a time
     */
    public record Outbox(@DefaultValue("500") long pollMillis, @DefaultValue("100") int batch) {
    }
}
