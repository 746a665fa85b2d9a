package org.lmx.processes.vetting;

import java.util.Map;
import java.util.Optional;

/**
 * The country information packs the hub serves (legislation, culture, language and procedures for workers, one
 * versioned pack per partner country): every ContractVettingResult names the current pack of its host country,
 * e.g. {@code INFO-DEU-v2}, so the worker and the consulate read the version that was current at the verdict.
 */
public interface CountryPacks {

    /** The reference of the current pack of a country (ISO 3166 alpha-3), or empty when it has none. */
    Optional<String> currentReference(String country);

    /** Packs from a map of country to reference. */
    static CountryPacks of(Map<String, String> byCountry) {
        Map<String, String> copy = Map.copyOf(byCountry);
        return country -> Optional.ofNullable(copy.get(country));
    }
}
