package org.lmx.processes.quotarefresh;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.lmx.processes.quota.QuotaPlaces;
import org.lmx.xsd.exchange.v1.EconomicSector;
import org.lmx.xsd.exchange.v1.RegionCode;

/**
 * The quota as the officer edits it: one line per sector and region, {@code sector region places} ({@code F KZ-23
 * 590}), blank lines ignored. Each problem is reported with its line number, so the officer can fix them all at once.
 */
public final class QuotaText {

    /** More places than this in one line is a typing error, not a quota. */
    static final int MAX_PLACES = 1_000_000;

    /** The parsed lines, or the problems (then no line counts). */
    public record Parsed(List<QuotaPlaces> lines, List<String> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private QuotaText() {
    }

    public static String write(List<QuotaPlaces> lines) {
        return String.join("\n", lines.stream().map(QuotaPlaces::toString).toList());
    }

    /**
     * @param taken the places permits already hold in a line of the year (year's ledger), which the line may not go
     *              below
     */
    public static Parsed parse(String text, ToIntBiFunction<String, String> taken) {
        List<QuotaPlaces> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String[] rows = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String where = "line " + (i + 1) + " '" + row + "': ";
            String[] f = row.split("\\s+");
            if (f.length != 3) {
                problems.add(where + "write 'sector region places', e.g. F KZ-23 590");
                continue;
            }
            String sector = f[0].toUpperCase(java.util.Locale.ROOT);
            String region = f[1].toUpperCase(java.util.Locale.ROOT);
            if (!known(() -> EconomicSector.fromValue(sector))) {
                problems.add(where + "the sector must be an economic section letter, A to U");
                continue;
            }
            if (!known(() -> RegionCode.fromValue(region))) {
                problems.add(where + "the region must be an ISO 3166-2:KZ code, e.g. KZ-75");
                continue;
            }
            int places;
            try {
                places = Integer.parseInt(f[2]);
            } catch (NumberFormatException e) {
                problems.add(where + "the places must be a whole number");
                continue;
            }
            if (places < 0 || places > MAX_PLACES) {
                problems.add(where + "the places must be between 0 and " + MAX_PLACES);
                continue;
            }
            if (!seen.add(sector + " " + region)) {
                problems.add(where + sector + " " + region + " is given twice");
                continue;
            }
            int held = taken.applyAsInt(sector, region);
            if (places < held) {
                problems.add(where + held + " permits already hold a place in " + sector + " " + region
                        + ": the quota cannot be lower");
                continue;
            }
            lines.add(new QuotaPlaces(sector, region, places));
        }
        if (lines.isEmpty() && problems.isEmpty()) {
            problems.add("no line: give at least one 'sector region places'");
        }
        return new Parsed(problems.isEmpty() ? List.copyOf(lines) : List.of(), List.copyOf(problems));
    }

    private static boolean known(Runnable lookup) {
        try {
            lookup.run();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
