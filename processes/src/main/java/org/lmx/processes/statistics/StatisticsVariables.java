package org.lmx.processes.statistics;

import java.time.YearMonth;

/** The names statistics-report.bpmn, its delegates and the hub's REST start share. */
public final class StatisticsVariables {

    public static final String PROCESS_KEY = "statistics-report";
    /** The start message of a report asked for a given month (Camunda 7 takes one none or timer start only). */
    public static final String START_MESSAGE = "StatisticsReportRequested";

    /** String, {@code 2026-10}: the month reported (manual start: given; timer start: the month before). */
    public static final String MONTH = "month";
    /** Boolean: the month had been claimed by another case (sent or being sent): this one ends at once. */
    public static final String ALREADY_REPORTED = "alreadyReported";
    public static final String REPORT_REFERENCE = "reportReference";
    public static final String CONVERSATION_ID = "conversationId";
    /** The MessageId of the StatisticsReport issued. */
    public static final String MESSAGE_ID = "messageId";

    private StatisticsVariables() {
    }

    /** One case per month: {@code statistics-report-2026-10}. */
    public static String businessKey(YearMonth month) {
        return PROCESS_KEY + "-" + month;
    }

    /** The report's reference, the same for every run of a month: {@code BNS-STAT-2026-10}. */
    public static String reportReference(YearMonth month) {
        return "BNS-STAT-" + month;
    }
}
