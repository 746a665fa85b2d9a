package org.lmx.processes.quotarefresh;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TimeZone;

/**
 * The yearly start of quota-refresh and what its notices say.
 *
 * @param cron       when the yearly case starts, a Quartz-style cron as Camunda reads it ({@code 0 0 6 1 11 ?}: 1
 *                   November 06:00), read in {@code zone}
 * @param zone       the zone of the cron and of "next year" ({@code Asia/Almaty})
 * @param legalBasis the LegalBasis the QuotaNotice names, or null
 */
public record QuotaRefreshSettings(String cron, ZoneId zone, String legalBasis) {

    public static final String DEFAULT_CRON = "0 0 6 1 11 ?";

    public static QuotaRefreshSettings defaults() {
        return new QuotaRefreshSettings(DEFAULT_CRON, ZoneId.of("Asia/Almaty"), null);
    }

    /**
     * The cron as the engine must read it: Camunda reads a timer's cron in the JVM's default zone, so a cron whose
     * seconds, minutes, hours, day and month are plain numbers is moved from {@link #zone} to that zone (06:00 in
     * Almaty is 01:00 in UTC). Any other cron is used as written. {@code #{quotaRefreshSettings.cron}} in the BPMN.
     */
    public String getCron() {
        return inZone(TimeZone.getDefault().toZoneId());
    }

    String inZone(ZoneId engineZone) {
        String[] f = cron.trim().split("\\s+");
        if (f.length < 6 || engineZone.equals(zone) || !(plain(f[0]) && plain(f[1]) && plain(f[2]) && plain(f[3])
                && plain(f[4]))) {
            return cron;
        }
        int year = ZonedDateTime.now(zone).getYear();
        ZonedDateTime there = LocalDateTime.of(year, Integer.parseInt(f[4]), Integer.parseInt(f[3]),
                Integer.parseInt(f[2]), Integer.parseInt(f[1]), Integer.parseInt(f[0])).atZone(zone);
        ZonedDateTime here = there.withZoneSameInstant(engineZone);
        List<String> moved = new java.util.ArrayList<>(List.of(f));
        moved.set(0, String.valueOf(here.getSecond()));
        moved.set(1, String.valueOf(here.getMinute()));
        moved.set(2, String.valueOf(here.getHour()));
        moved.set(3, String.valueOf(here.getDayOfMonth()));
        moved.set(4, String.valueOf(here.getMonthValue()));
        return String.join(" ", moved);
    }

    private static boolean plain(String field) {
        return field.matches("[0-9]{1,2}");
    }
}
