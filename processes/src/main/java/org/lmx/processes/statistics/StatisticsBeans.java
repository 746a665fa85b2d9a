package org.lmx.processes.statistics;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lmx.processes.exchange.DocumentSender;

/**
 * Every bean statistics-report.bpmn names (by delegateExpression, and the settings its timer reads), under that name.
 * Process tests give the map to the engine configuration; the hub registers each entry as a Spring bean.
 */
public final class StatisticsBeans {

    private StatisticsBeans() {
    }

    public static Map<String, Object> of(DocumentSender sender, StatisticsIndicators indicators,
                                         MonthlyReports reports, StatisticsSettings settings, Clock clock) {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("statisticsSettings", settings);
        beans.put("openStatisticsMonth", new OpenStatisticsMonth(settings, reports, clock));
        beans.put("sendStatisticsReport", new SendStatisticsReport(sender, indicators, reports, settings, clock));
        return beans;
    }
}
