package org.lmx.processes.tracking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.processes.permit.Permit;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.BorderCrossingEvent;
import org.lmx.xsd.exchange.v1.TravelDocument;
import org.lmx.xsd.exchange.v1.WorkplaceReport;

/**
 * Hands a BorderCrossingEvent or a WorkplaceReport to the tracking of the permit its person holds: found in the
 * permit register by travel document (number AND issuing state), then the BPMN message of the document's type to
 * that permit's {@value TrackingVariables#PROCESS_KEY} (business key: the permit number). Runs inside the
 * dispatcher's transaction, which records the outcome once per MessageId.
 */
public class MovementCorrelation {

    static final String BORDER = "KAZ:BORDER";
    static final String SRC = "KAZ:SRC";

    private final RuntimeService runtime;
    private final PermitRegister register;

    public MovementCorrelation(RuntimeService runtime, PermitRegister register) {
        this.runtime = runtime;
        this.register = register;
    }

    public static boolean takes(String documentType) {
        return TrackingVariables.CROSSING.equals(documentType)
                || TrackingVariables.WORKPLACE_REPORT.equals(documentType);
    }

    public DispatchOutcome correlate(ReceivedDocument document) {
        String reporter = TrackingVariables.CROSSING.equals(document.documentType()) ? BORDER : SRC;
        if (!reporter.equals(document.from())) {
            return new DispatchOutcome(Kind.UNMATCHED, null, "unmatched: a " + document.documentType()
                    + " is taken from " + reporter + " only, not from " + document.from());
        }
        return TrackingVariables.CROSSING.equals(document.documentType()) ? crossing(document) : report(document);
    }

    private DispatchOutcome crossing(ReceivedDocument document) {
        BorderCrossingEvent event = ContractXml.body(document.signed(), BorderCrossingEvent.class);
        TravelDocument travelDocument = event.getTraveller().getTravelDocument();
        String holder = travelDocument.getNumber() + " (" + travelDocument.getIssuingState() + ")";
        LocalDate day = event.getOccurredAt().toLocalDate();
        Optional<Tracking> tracking = tracking(travelDocument.getNumber(), travelDocument.getIssuingState(), day,
                TrackingVariables.CROSSING);
        if (tracking.isEmpty()) {
            return unmatched(document, "travel document " + holder);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(TrackingVariables.CROSSING_EVENT_ID, event.getEventId());
        variables.put(TrackingVariables.CROSSING_DIRECTION, event.getDirection().value());
        variables.put(TrackingVariables.CROSSING_OCCURRED_AT, event.getOccurredAt().toString());
        variables.put(TrackingVariables.CROSSING_POINT, event.getCrossingPoint().getCode());
        variables.put(TrackingVariables.CROSSING_REGION, event.getCrossingPoint().getRegion() == null ? null
                : event.getCrossingPoint().getRegion().value());
        variables.put(TrackingVariables.CROSSING_MESSAGE_ID, document.messageId());
        send(tracking.get(), TrackingVariables.CROSSING, variables);
        return new DispatchOutcome(Kind.CORRELATED, tracking.get().instanceId(), "correlated with process "
                + TrackingVariables.PROCESS_KEY + " " + tracking.get().instanceId() + " of permit "
                + tracking.get().permitNumber() + " as " + event.getDirection().value() + " of " + holder);
    }

    private DispatchOutcome report(ReceivedDocument document) {
        WorkplaceReport report = ContractXml.body(document.signed(), WorkplaceReport.class);
        Map<Tracking, List<WorkplaceLine>> byPermit = new LinkedHashMap<>();
        List<String> untracked = new ArrayList<>();
        for (WorkplaceReport.Worker worker : report.getWorker()) {
            Optional<Tracking> tracking = tracking(worker.getTravelDocumentNumber(),
                    worker.getTravelDocumentIssuingState(), report.getReportingPeriod().getTo(),
                    TrackingVariables.WORKPLACE_REPORT);
            if (tracking.isEmpty()) {
                untracked.add(worker.getTravelDocumentNumber() + " (" + worker.getTravelDocumentIssuingState() + ")");
                continue;
            }
            byPermit.computeIfAbsent(tracking.get(), t -> new ArrayList<>()).add(new WorkplaceLine(
                    worker.getWorkplaceRegion().value(), worker.getWorkplaceAddress().getLocality(),
                    String.join(", ", worker.getWorkplaceAddress().getStreet()), worker.getStartDate(),
                    worker.getEndDate()));
        }
        if (byPermit.isEmpty()) {
            return unmatched(document, "any travel document of report " + report.getReportReference());
        }
        byPermit.forEach((tracking, lines) -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put(TrackingVariables.REPORT_MESSAGE_ID, document.messageId());
            variables.put(TrackingVariables.REPORT_REFERENCE, report.getReportReference());
            variables.put(TrackingVariables.REPORT_LINES, WorkplaceLine.encode(lines));
            send(tracking, TrackingVariables.WORKPLACE_REPORT, variables);
        });
        List<Tracking> trackings = new ArrayList<>(byPermit.keySet());
        return new DispatchOutcome(Kind.CORRELATED, trackings.get(0).instanceId(), "correlated with process "
                + TrackingVariables.PROCESS_KEY + " of permit(s) " + String.join(", ",
                trackings.stream().map(Tracking::permitNumber).toList())
                + (untracked.isEmpty() ? "" : "; no tracked permit for " + String.join(", ", untracked)));
    }

    private void send(Tracking tracking, String message, Map<String, Object> variables) {
        runtime.createMessageCorrelation(message).processInstanceId(tracking.instanceId())
                .setVariables(variables).correlateWithResult();
    }

    /**
     * The tracking that takes this message for the holder of the travel document: of the holder's permits whose
     * tracking waits for it, the one valid on the day, else the one valid latest.
     */
    private Optional<Tracking> tracking(String number, String issuingState, LocalDate day, String message) {
        List<Tracking> waiting = new ArrayList<>();
        for (Permit permit : register.forTravelDocument(number, issuingState)) {
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(TrackingVariables.PROCESS_KEY)
                    .processInstanceBusinessKey(permit.number()).singleResult();
            if (instance != null && runtime.createEventSubscriptionQuery().processInstanceId(instance.getId())
                    .eventType("message").eventName(message).count() > 0) {
                Tracking tracking = new Tracking(permit.number(), instance.getId());
                if (!day.isBefore(permit.validFrom()) && !day.isAfter(permit.validTo())) {
                    return Optional.of(tracking);
                }
                waiting.add(tracking);
            }
        }
        return waiting.stream().findFirst();
    }

    private static DispatchOutcome unmatched(ReceivedDocument document, String what) {
        return new DispatchOutcome(Kind.UNMATCHED, null, "unmatched: no permit in the register with an open "
                + TrackingVariables.PROCESS_KEY + " for " + what + " of " + document.documentType() + " "
                + document.messageId());
    }

    private record Tracking(String permitNumber, String instanceId) {
    }
}
