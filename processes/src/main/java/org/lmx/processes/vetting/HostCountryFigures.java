package org.lmx.processes.vetting;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The labour-law figures of a partner (host) country that the vetting rules compare a contract with. The hub binds
 * them from configuration (demo values there: not legal advice); tests use {@link #of(Map)}.
 */
public interface HostCountryFigures {

    /** The figures of a country (ISO 3166 alpha-3), or empty when the hub has none for it. */
    Optional<Figures> of(String country);

    /**
     * @param minimumMonthlyWage the statutory minimum gross wage for a month of full-time work
     * @param currency           its ISO 4217 currency
     * @param maximumWeeklyHours the legal limit of normal weekly working hours
     */
    record Figures(BigDecimal minimumMonthlyWage, String currency, BigDecimal maximumWeeklyHours) {
    }

    /** Figures from a map keyed by country. */
    static HostCountryFigures of(Map<String, Figures> byCountry) {
        Map<String, Figures> copy = Map.copyOf(byCountry);
        return country -> Optional.ofNullable(copy.get(country));
    }
}
