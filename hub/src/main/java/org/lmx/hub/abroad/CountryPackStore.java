package org.lmx.hub.abroad;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lmx.processes.vetting.CountryPacks;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The country information packs the hub serves, read once at start from {@code country-packs/<ISO3>-v<N>.json}
 * resources (read-only: a new version is a new file in a new release). The contract-vetting process asks the same
 * store for the current pack, so a ContractVettingResult names exactly the pack {@code /api/country-packs} serves.
 */
public final class CountryPackStore implements CountryPacks {

    static final String LOCATION = "classpath*:country-packs/*.json";
    private static final Pattern FILE = Pattern.compile("([A-Z]{3})-v([1-9][0-9]*)\\.json");

    /** A country's packs by version. */
    private final Map<String, NavigableMap<Integer, CountryPack>> packs;

    CountryPackStore(List<CountryPack> all) {
        Map<String, NavigableMap<Integer, CountryPack>> byCountry = new TreeMap<>();
        for (CountryPack pack : all) {
            if (byCountry.computeIfAbsent(pack.country(), c -> new TreeMap<>()).put(pack.version(), pack) != null) {
                throw new IllegalStateException("two country packs " + pack.id());
            }
        }
        this.packs = byCountry;
    }

    /** The packs of the hub's classpath; a file whose name and content disagree stops the start. */
    static CountryPackStore fromClasspath() {
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<CountryPack> all = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                all.add(read(json, resource));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the country packs at " + LOCATION, e);
        }
        return new CountryPackStore(all);
    }

    private static CountryPack read(ObjectMapper json, Resource resource) throws IOException {
        Matcher name = FILE.matcher(String.valueOf(resource.getFilename()));
        if (!name.matches()) {
            throw new IllegalStateException("a country pack is named like KOR-v1.json, not " + resource.getFilename());
        }
        CountryPack file;
        try (InputStream in = resource.getInputStream()) {
            file = json.readValue(in, CountryPack.class);
        }
        String country = name.group(1);
        int version = Integer.parseInt(name.group(2));
        if (!country.equals(file.country()) || version != file.version() || file.sections() == null
                || file.sections().isEmpty() || file.notice() == null || file.notice().isBlank()) {
            throw new IllegalStateException("country pack " + resource.getFilename()
                    + " must state its country and version as its name does, a notice and its sections");
        }
        return new CountryPack(CountryPack.reference(country, version), country, file.countryName(), version,
                file.published(), file.title(), file.notice(), List.copyOf(file.sections()));
    }

    /** Each country's current pack, by country. */
    public List<CountryPack> currentPacks() {
        return packs.values().stream().map(NavigableMap::lastEntry).map(Map.Entry::getValue).toList();
    }

    /** A country's versions, oldest first. */
    public List<Integer> versions(String country) {
        NavigableMap<Integer, CountryPack> versions = packs.get(country);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    public Optional<CountryPack> current(String country) {
        NavigableMap<Integer, CountryPack> versions = packs.get(country);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    public Optional<CountryPack> version(String country, int version) {
        NavigableMap<Integer, CountryPack> versions = packs.get(country);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    @Override
    public Optional<String> currentReference(String country) {
        return current(country).map(CountryPack::id);
    }
}
