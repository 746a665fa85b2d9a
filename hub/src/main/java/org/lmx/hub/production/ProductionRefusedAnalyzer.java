package org.lmx.hub.production;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Spring Boot's "APPLICATION FAILED TO START" report for a refusal: each reason on a line, no stack trace. */
final class ProductionRefusedAnalyzer extends AbstractFailureAnalyzer<ProductionRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ProductionRefused cause) {
        StringBuilder description = new StringBuilder("LMX Hub refuses to start in production (profile 'production'),"
                + " for " + cause.reasons().size() + (cause.reasons().size() == 1 ? " reason" : " reasons") + ":\n");
        cause.reasons().forEach(reason -> description.append("  - ").append(reason).append('\n'));
        return new FailureAnalysis(description.toString(), "Remove what belongs to development and give every secret"
                + " (README, \"Production: security\"); or start without the production profile for development.", cause);
    }
}
