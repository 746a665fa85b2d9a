package org.lmx.hub.abroad;

import java.util.List;

/**
 * One version of a country information pack: what a citizen should know before working in a partner country,
 * as {@code /api/country-packs} serves it and every ContractVettingResult for that country names it ({@code id}).
 *
 * @param id          the reference results carry, {@code INFO-<country>-v<version>}
 * @param country     ISO 3166 alpha-3
 * @param version     1, 2, ...: a new version is a new file, and the highest is current
 * @param published   the day this version was published (ISO-8601 date)
 * @param notice      what the content is (the demo packs say DEMO CONTENT)
 * @param sections    legislation, culture, language, procedures for workers
 */
public record CountryPack(String id, String country, String countryName, int version, String published,
                          String title, String notice, List<Section> sections) {

    /** A section of a pack: its topic (LEGISLATION, CULTURE, LANGUAGE, PROCEDURES), heading and text. */
    public record Section(String topic, String heading, String text) {
    }

    public static String reference(String country, int version) {
        return "INFO-" + country + "-v" + version;
    }
}
