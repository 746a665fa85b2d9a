package org.lmx.hub.statistics;

import java.time.Clock;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.lmx.hub.config.LmxProperties;
import org.lmx.hub.workpermit.NamedBeans;
import org.lmx.processes.exchange.DocumentSender;
import org.lmx.processes.statistics.MonthlyReports;
import org.lmx.processes.statistics.StatisticsBeans;
import org.lmx.processes.statistics.StatisticsIndicators;
import org.lmx.processes.statistics.StatisticsSettings;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wires the statistics-report process to the hub: the indicators measured on the hub's database and Camunda's
 * history, the months reported, the report through the exchange's outbound entry, the monthly start and the
 * recipient from {@code lmx.statistics.*}. The REST view ({@code /api/statistics}) uses the same indicators.
 */
@Configuration(proxyBeanMethods = false)
class StatisticsConfiguration {

    /** Not a bean of its own: the engine plugin registers it as {@code statisticsSettings}, which the timer reads. */
    static StatisticsSettings settings(LmxProperties properties) {
        LmxProperties.Statistics p = properties.statistics();
        return new StatisticsSettings(p.cron(), p.zone(), p.recipient(), p.preparedBy());
    }

    @Bean
    StatisticsIndicators statisticsIndicators(JdbcTemplate jdbc, LmxProperties properties) {
        return new StatisticsIndicators(jdbc, properties.statistics().zone());
    }

    @Bean
    MonthlyReports monthlyReports(JdbcTemplate jdbc) {
        return new MonthlyReports(jdbc);
    }

    @Bean
    ProcessEnginePlugin statisticsBeans(ConfigurableListableBeanFactory factory, DocumentSender sender,
                                        StatisticsIndicators indicators, MonthlyReports reports,
                                        LmxProperties properties, Clock clock) {
        return new NamedBeans(factory, StatisticsBeans.of(sender, indicators, reports, settings(properties), clock));
    }
}
