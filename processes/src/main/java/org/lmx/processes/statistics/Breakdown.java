package org.lmx.processes.statistics;

/**
 * What an indicator's value is broken down by (at most one thing per value, as the bureau's tables read them);
 * {@link #TOTAL} is the national total. Each names the StatisticsReport Indicator element it fills.
 */
public enum Breakdown {
    TOTAL, REGION, SECTOR, CITIZENSHIP, CATEGORY, ALERT_TYPE, CONSULAR_INDICATOR, CONSULAR_OUTCOME, CONTRACT_VERDICT,
    CONTRACT_RULE
}
