package org.lmx.routes.agreements;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.lmx.xsd.agreement.v1.Delivery;

/**
 * How the hub retries what it sends to a partner (agreement.xsd, Delivery): the wait after failed attempt n is
 * {@code initialBackoff x multiplier^(n-1)}, capped at {@code maxBackoff}; after {@code maxAttempts} the message
 * is FAILED.
 */
public record DeliveryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, BigDecimal multiplier) {

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(multiplier, "multiplier");
    }

    static DeliveryPolicy of(Delivery delivery) {
        return new DeliveryPolicy(delivery.getMaxAttempts(), XmlDurations.toDuration(delivery.getInitialBackoff()),
                XmlDurations.toDuration(delivery.getMaxBackoff()), delivery.getBackoffMultiplier());
    }

    /** The wait after the {@code failedAttempt}-th failed attempt (1 for the first). */
    public Duration backoffAfter(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + failedAttempt);
        }
        BigDecimal max = XmlDurations.seconds(maxBackoff);
        BigDecimal wait = XmlDurations.seconds(initialBackoff);
        // Stop multiplying once capped: with up to 100 attempts, the uncapped power would be astronomically large.
        for (int n = 1; n < failedAttempt && wait.compareTo(max) < 0; n++) {
            wait = wait.multiply(multiplier);
        }
        return XmlDurations.ofSeconds(wait.min(max));
    }

    /**
     * From the first attempt to the last: the sum of the {@code maxAttempts - 1} waits. Every attempt resends
     * the same bytes with the same Created, so this must be shorter than the clock-skew window.
     */
    public Duration retrySpan() {
        Duration span = Duration.ZERO;
        for (int n = 1; n < maxAttempts; n++) {
            span = span.plus(backoffAfter(n));
        }
        return span;
    }
}
