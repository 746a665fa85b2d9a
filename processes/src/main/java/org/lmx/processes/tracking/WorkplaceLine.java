package org.lmx.processes.tracking;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One workplace where an employer declares a permit holder, carried into the tracking as a String variable (one
 * line each, tab-separated) because the hub's engine keeps Java serialization off.
 */
public record WorkplaceLine(String region, String locality, String street, LocalDate startDate, LocalDate endDate) {

    public String encode() {
        return String.join("\t", clean(region), clean(locality), clean(street), String.valueOf(startDate),
                endDate == null ? "" : endDate.toString());
    }

    public static String encode(List<WorkplaceLine> lines) {
        return lines.stream().map(WorkplaceLine::encode).collect(Collectors.joining("\n"));
    }

    public static List<WorkplaceLine> decode(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(line -> {
            String[] f = line.split("\t", -1);
            return new WorkplaceLine(f[0], f[1], f[2], LocalDate.parse(f[3]),
                    f[4].isEmpty() ? null : LocalDate.parse(f[4]));
        }).toList();
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ');
    }
}
