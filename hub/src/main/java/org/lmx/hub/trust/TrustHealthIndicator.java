package org.lmx.hub.trust;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The health group {@code trust}: DOWN when a partner in force can no longer be trusted at all or the hub's own
 * certificate has expired, naming the certificates; UP with warnings otherwise (see {@link TrustAssessment}).
 */
public class TrustHealthIndicator extends AbstractHealthIndicator {

    private final HubTrust trust;

    public TrustHealthIndicator(HubTrust trust) {
        super("the trust inventory could not be assessed");
        this.trust = trust;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        TrustAssessment assessment = trust.assess();
        (assessment.down() ? builder.down() : builder.up())
                .withDetail("expiringWithin", TrustInventory.iso(trust.expiringWithin()))
                .withDetail("problems", assessment.problems())
                .withDetail("warnings", assessment.warnings());
    }
}
