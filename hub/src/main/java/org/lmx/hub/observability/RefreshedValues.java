package org.lmx.hub.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Values a query computes (counts from the message log or the engine), read by several gauges at each scrape:
 * computed at most once per {@code maxAge}, so that a scrape every few seconds, or several scrapers, cost one
 * query per period. A failed query keeps the last values (and logs) rather than failing the scrape.
 */
final class RefreshedValues {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshedValues.class);

    private final Supplier<Map<String, Long>> query;
    private final Duration maxAge;
    private final Clock clock;
    private Map<String, Long> values = Map.of();
    private Instant computedAt;

    RefreshedValues(Supplier<Map<String, Long>> query, Duration maxAge, Clock clock) {
        this.query = query;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The value under {@code key}, 0 when the query found none. */
    synchronized double get(String key) {
        Instant now = clock.instant();
        if (computedAt == null || !now.isBefore(computedAt.plus(maxAge))) {
            try {
                values = Map.copyOf(query.get());
            } catch (RuntimeException e) {
                LOG.warn("a gauge's query failed; the last values stay: {}", e.toString());
            }
            computedAt = now;
        }
        return values.getOrDefault(key, 0L);
    }
}
