package org.lmx.processes.statistics;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

/**
 * The monthly start of statistics-report and where its report goes.
 *
 * @param cron      when the monthly case starts (for the month before), a Quartz-style cron as Camunda reads it,
 *                  read in {@code zone}; {@link #DEFAULT_CRON} is the first working day, 06:00
 * @param zone      the zone of the cron and of the month's bounds ({@code Asia/Almaty})
 * @param recipient the statistics bureau's party ({@code KAZ:BNS})
 * @param preparedBy the PreparedBy contact's name (the report's office), or null
 */
public record StatisticsSettings(String cron, ZoneId zone, String recipient, String preparedBy) {

    /**
     * 06:00 on the first working day (Monday to Friday) of the month: Quartz's {@code 1W} is the weekday nearest the
     * 1st within the month: the 1st itself when it is a weekday, Monday the 3rd when the 1st is a Saturday, or Monday the 2nd
     * when it is a Sunday. Public holidays (1 January, 8 March...) are not known to the cron: the report then goes
     * out on the holiday, which the bureau receives like any other day.
     */
    public static final String DEFAULT_CRON = "0 0 6 1W * ?";

    public static StatisticsSettings defaults() {
        return new StatisticsSettings(DEFAULT_CRON, ZoneId.of("Asia/Almaty"), "KAZ:BNS", null);
    }

    /**
     * The cron as the engine must read it: Camunda reads a timer's cron in the JVM's default zone, so a cron whose
     * seconds, minutes and hours are plain numbers is moved from {@link #zone} to that zone when the move keeps the
     * day (06:00 in Almaty is 01:00 in UTC); any other cron is used as written. {@code #{statisticsSettings.cron}}.
     */
    public String getCron() {
        return inZone(TimeZone.getDefault().toZoneId());
    }

    String inZone(ZoneId engineZone) {
        String[] f = cron.trim().split("\\s+");
        if (f.length < 6 || engineZone.equals(zone) || !(plain(f[0]) && plain(f[1]) && plain(f[2]))) {
            return cron;
        }
        LocalDate today = LocalDate.now(zone);
        LocalDateTime there = LocalDateTime.of(today, LocalTime.of(Integer.parseInt(f[2]), Integer.parseInt(f[1]),
                Integer.parseInt(f[0])));
        LocalDateTime here = there.atZone(zone).withZoneSameInstant(engineZone).toLocalDateTime();
        if (!here.toLocalDate().equals(today)) {
            return cron;
        }
        List<String> moved = new ArrayList<>(List.of(f));
        moved.set(0, String.valueOf(here.getSecond()));
        moved.set(1, String.valueOf(here.getMinute()));
        moved.set(2, String.valueOf(here.getHour()));
        return String.join(" ", moved);
    }

    private static boolean plain(String field) {
        return field.matches("[0-9]{1,2}");
    }
}
