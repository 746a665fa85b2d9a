package org.lmx.processes.quotarefresh;

/** The names quota-refresh.bpmn, its form and its delegates share. */
public final class QuotaRefreshVariables {

    public static final String PROCESS_KEY = "quota-refresh";
    public static final String DECISION_KEY = "in-demand-professions";
    /** The start message of a refresh asked for a given year (Camunda 7 takes one none or timer start only). */
    public static final String START_MESSAGE = "QuotaRefreshRequested";

    /** Integer: the year whose quota the case sets (manual start: given; timer start: the next year). */
    public static final String YEAR = "year";
    /** Boolean: another case for the same year was running when this one started (it ends at once). */
    public static final String ALREADY_RUNNING = "alreadyRunning";
    /** The conversation of the case's QuotaNotices. */
    public static final String CONVERSATION_ID = "conversationId";
    /** Text, one per line: the regions that reported and their report references. */
    public static final String DEMAND_REPORTS = "demandReports";
    /** Text, one per line: each demand line with the table's weight and the places proposed for it. */
    public static final String DEMAND_LINES = "demandLines";
    /** Text, one per line: the ranking of in-demand professions as the officer reads it. */
    public static final String RANKING = "ranking";
    /** Text, one per line, {@code ISCO title}, in rank order: the ranking as the QuotaNotice carries it. */
    public static final String RANKED_PROFESSIONS = "rankedProfessions";
    /** Text, one per line, {@code sector region places}: the proposal as computed (kept for the record). */
    public static final String PROPOSED_LINES = "proposedLines";
    /** Text, one per line, {@code sector region places}: what the officer sets (starts as the proposal). */
    public static final String QUOTA_LINES = "quotaLines";
    /** APPROVE | REJECT, from the officer. */
    public static final String DECISION = "decision";
    public static final String REASONS = "reasons";
    /** Boolean: the officer's lines are valid (else the task comes back with {@link #LINE_PROBLEM}). */
    public static final String LINES_VALID = "linesValid";
    /** Text: what is wrong with the lines last submitted, one problem per line ("" when none). */
    public static final String LINE_PROBLEM = "lineProblem";
    public static final String NOTICE_REFERENCE = "noticeReference";
    public static final String SUPERSEDES = "supersedes";
    /** String, ISO date: the notice's EffectiveFrom. */
    public static final String EFFECTIVE_FROM = "effectiveFrom";

    private QuotaRefreshVariables() {
    }

    /** One case per year: {@code quota-refresh-2027}. */
    public static String businessKey(int year) {
        return PROCESS_KEY + "-" + year;
    }
}
