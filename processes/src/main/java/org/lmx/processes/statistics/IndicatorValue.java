package org.lmx.processes.statistics;

import java.math.BigDecimal;

/**
 * One value of the monthly report: a StatisticsIndicatorCode, what it is broken down by and the key there (a region
 * code, a sector letter, an alert type...; null for the total), and the value (a count, or a percentage).
 */
public record IndicatorValue(String code, Breakdown by, String key, BigDecimal value) {

    public static IndicatorValue total(String code, long count) {
        return new IndicatorValue(code, Breakdown.TOTAL, null, BigDecimal.valueOf(count));
    }

    public static IndicatorValue of(String code, Breakdown by, String key, long count) {
        return new IndicatorValue(code, by, key, BigDecimal.valueOf(count));
    }
}
