package org.lmx.processes.tracking;

/** Names shared by permit-tracking.bpmn, its delegates and the dispatcher. */
public final class TrackingVariables {

    public static final String PROCESS_KEY = "permit-tracking";
    /** BPMN message names = the document types that feed the tracking. */
    public static final String CROSSING = "BorderCrossingEvent";
    public static final String WORKPLACE_REPORT = "WorkplaceReport";

    public static final String PERMIT_NUMBER = "permitNumber";
    public static final String CONVERSATION_ID = "conversationId";
    /** When the permit has ended (the day after its last day, 00:00 in Kazakhstan): the overstay timer. */
    public static final String PERMIT_ENDS_AT = "permitEndsAt";
    public static final String IN_COUNTRY = "inCountry";
    public static final String LAST_CROSSING_AT = "lastCrossingAt";
    public static final String LAST_ENTRY_MESSAGE_ID = "lastEntryMessageId";
    public static final String LAST_ENTRY_NOTE = "lastEntryNote";

    /** Set with the BorderCrossingEvent's correlation. */
    public static final String CROSSING_EVENT_ID = "crossingEventId";
    public static final String CROSSING_DIRECTION = "crossingDirection";
    public static final String CROSSING_OCCURRED_AT = "crossingOccurredAt";
    public static final String CROSSING_POINT = "crossingPoint";
    public static final String CROSSING_REGION = "crossingRegion";
    public static final String CROSSING_MESSAGE_ID = "crossingMessageId";

    /** Set with the WorkplaceReport's correlation: one line per declared workplace, {@link WorkplaceLine}. */
    public static final String REPORT_MESSAGE_ID = "reportMessageId";
    public static final String REPORT_REFERENCE = "reportReference";
    public static final String REPORT_LINES = "reportLines";
    public static final String WORK_OUTSIDE_REGIONS = "workOutsideRegions";
    /** "reportReference region" per line already alerted: a report sent again alerts nothing new. */
    public static final String ALERTED_WORKPLACES = "alertedWorkplaces";

    /** The alert about to be sent, fixed before its (retried) sending step. */
    public static final String ALERT_TYPE = "alertType";
    public static final String ALERT_REFERENCE = "alertReference";
    public static final String ALERT_OBSERVED_AT = "alertObservedAt";
    public static final String ALERT_DETAILS = "alertDetails";
    public static final String ALERT_EVIDENCE = "alertEvidence";
    public static final String ALERT_REGION = "alertRegion";
    public static final String ALERT_LOCALITY = "alertLocality";
    public static final String ALERT_STREET = "alertStreet";

    private TrackingVariables() {
    }
}
