package org.lmx.hub.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.lmx.hub.abroad.CountryPack;
import org.lmx.hub.abroad.CountryPackStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The country information packs, read-only and open without a login: they are public information for citizens
 * before they leave to work abroad (the ContractVettingResult tells the worker which one to read). Not audited,
 * for the same reason.
 */
@RestController
@Tag(name = "Country information packs", description = "Public, versioned information for workers per partner"
        + " country: legislation, culture, language, procedures")
class CountryPackController {

    private final CountryPackStore packs;

    CountryPackController(CountryPackStore packs) {
        this.packs = packs;
    }

    /** A country's current pack, as the list shows it. */
    record Listed(String country, String countryName, int currentVersion, String id, String title,
                  List<Integer> versions) {
    }

    @GetMapping("/api/country-packs")
    @Operation(summary = "Every partner country's current pack: country, current version, id (INFO-KOR-v2)")
    List<Listed> list() {
        return packs.currentPacks().stream().map(p -> new Listed(p.country(), p.countryName(), p.version(), p.id(),
                p.title(), packs.versions(p.country()))).toList();
    }

    @GetMapping("/api/country-packs/{country}")
    @Operation(summary = "A country's current pack (ISO 3166 alpha-3, e.g. KOR)")
    CountryPack current(@PathVariable String country) {
        String iso3 = country.toUpperCase(Locale.ROOT);
        return packs.current(iso3).orElseThrow(() -> ApiProblem.notFound("no country pack for " + iso3));
    }

    @GetMapping("/api/country-packs/{country}/versions/{version}")
    @Operation(summary = "One version of a country's pack, as results that name it were given with")
    CountryPack version(@PathVariable String country, @PathVariable int version) {
        String iso3 = country.toUpperCase(Locale.ROOT);
        return packs.version(iso3, version).orElseThrow(() ->
                ApiProblem.notFound("no version " + version + " of the country pack for " + iso3));
    }
}
