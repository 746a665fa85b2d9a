package org.lmx.routes.log;

import java.time.Period;
import java.util.Optional;

/** How long an agreement keeps the signed bodies it covers: its Retention/MessageBodies; empty for an unknown agreement. */
@FunctionalInterface
public interface BodyRetention {

    Optional<Period> of(String agreementId);
}
