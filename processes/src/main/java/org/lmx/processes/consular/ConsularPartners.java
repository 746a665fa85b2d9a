package org.lmx.processes.consular;

import java.util.Map;
import java.util.Optional;

/**
 * Who the hub works with in a host country on a consular case: its labour ministry (asked for information) and an
 * NGO with an agreement of its own (cases are referred to it). The hub binds them from configuration, next to the
 * agreements that make them counterparties; tests use {@link #of(Map, Map)}.
 */
public interface ConsularPartners {

    /** The labour ministry's party id in a country (ISO 3166 alpha-3), e.g. ARE:MOHRE. */
    Optional<String> ministry(String country);

    /** The NGO's party id in a country, e.g. ARE:NGO-EWAS. */
    Optional<String> ngo(String country);

    static ConsularPartners of(Map<String, String> ministries, Map<String, String> ngos) {
        Map<String, String> m = Map.copyOf(ministries);
        Map<String, String> n = Map.copyOf(ngos);
        return new ConsularPartners() {
            @Override
            public Optional<String> ministry(String country) {
                return Optional.ofNullable(m.get(country));
            }

            @Override
            public Optional<String> ngo(String country) {
                return Optional.ofNullable(n.get(country));
            }
        };
    }
}
