package org.lmx.hub.production;

import java.util.List;
import org.lmx.connectors.pki.Credential;
import org.lmx.hub.config.DevelopmentCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub runs in production: it was checked at its creation (or refused to be created), and it gives the secrets
 * that replace the development ones: the API users' passwords, the hub's signing key, the Camunda administrator.
 */
public final class ProductionMode {

    private static final Logger LOG = LoggerFactory.getLogger(ProductionMode.class);

    private final Secrets secrets;
    private final Credential signing;

    /** @throws ProductionRefused with every reason found */
    ProductionMode(ProductionReadiness readiness, Secrets secrets) {
        List<String> reasons = readiness.check();
        if (!reasons.isEmpty()) {
            throw new ProductionRefused(reasons);
        }
        this.secrets = secrets;
        this.signing = readiness.signing().orElseThrow();
        LOG.info("production mode: no development PKI, credentials or demo; signing as {} (certificate serial {}, issuer {})",
                signing.party().orElse("?"), signing.certificate().getSerialNumber().toString(16),
                signing.certificate().getIssuerX500Principal().getName());
    }

    public Secrets secrets() {
        return secrets;
    }

    public Credential signing() {
        return signing;
    }

    /** The admin API's users, with their passwords from the secrets. */
    public DevelopmentCredentials apiUsers() {
        return new DevelopmentCredentials(secrets.require(Secrets.OPERATOR), secrets.require(Secrets.AUDITOR),
                secrets.get(Secrets.MONITORING).orElse(null));
    }

    public String camundaAdminPassword() {
        return secrets.require(Secrets.CAMUNDA_ADMIN);
    }
}
