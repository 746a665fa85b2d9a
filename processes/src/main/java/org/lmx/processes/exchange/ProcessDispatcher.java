package org.lmx.processes.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.quota.DemandReports;
import org.lmx.processes.tracking.MovementCorrelation;
import org.lmx.processes.workpermit.ReplyVariables;
import org.lmx.processes.workpermit.WorkPermitVariables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seam 2 (ARCHITECTURE.md "Modules"): hands an accepted document to the processes through Camunda's
 * RuntimeService. A WorkPermitApplication starts {@value WorkPermitVariables#PROCESS_KEY} (business key: its
 * MessageId); a reply correlates as the BPMN message of its type, with the case's conversation AND the request it
 * answers (InReplyTo = the MessageId the case sent) AND the party the request went to. A BorderCrossingEvent or a
 * WorkplaceReport goes to the permit-tracking of the permit its person holds ({@link MovementCorrelation}). A
 * RegionalDemandReport is recorded for the quota-refresh process ({@link DemandReports}).
 * <p>
 * Exactly once per MessageId: the outcome is written to {@code process_dispatch} in the same transaction as the
 * start or the correlation (joining the caller's, e.g. the exchange's outbox transaction), so a redelivered
 * document starts no second case and completes no step twice; two deliveries racing on two nodes collide on the
 * table's primary key and one of them rolls back.
 */
public class ProcessDispatcher {

    /** Document types that answer a request of a case: BPMN message name = document type. */
    private static final Map<String, Reply> REPLIES = Map.of(
            "IdentityCheckResult",
            new Reply(WorkPermitVariables.IDENTITY_CHECK_REQUEST_ID, WorkPermitVariables.IDENTITY_CHECK_PARTY),
            "TaxStatusResult",
            new Reply(WorkPermitVariables.TAX_STATUS_REQUEST_ID, WorkPermitVariables.TAX_CHECK_PARTY),
            "QualificationVerificationResult",
            new Reply(WorkPermitVariables.QUALIFICATION_REQUEST_ID, WorkPermitVariables.APPLICANT_PARTNER),
            "InformationResponse",
            new Reply(WorkPermitVariables.INFORMATION_REQUEST_ID, WorkPermitVariables.APPLICANT_PARTNER));

    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MovementCorrelation movements;
    private final DemandReports demandReports;

    public ProcessDispatcher(RuntimeService runtime, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                             Clock clock) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.movements = new MovementCorrelation(runtime, new PermitRegister(jdbc));
        this.demandReports = new DemandReports(jdbc, clock);
    }

    public ProcessDispatcher(RuntimeService runtime, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this(runtime, jdbc, transactionManager, Clock.systemUTC());
    }

    public DispatchOutcome dispatch(ReceivedDocument document) {
        boolean starts = WorkPermitVariables.APPLICATION_TYPE.equals(document.documentType());
        boolean movement = MovementCorrelation.takes(document.documentType());
        boolean demand = DemandReports.DOCUMENT_TYPE.equals(document.documentType());
        Reply reply = REPLIES.get(document.documentType());
        if (!starts && !movement && !demand && reply == null) {
            return new DispatchOutcome(Kind.NOT_FOR_PROCESSES, null,
                    "no process takes a " + document.documentType());
        }
        return transactions.execute(status -> {
            Optional<DispatchOutcome> earlier = earlier(document.messageId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            DispatchOutcome outcome = starts ? start(document)
                    : movement ? movements.correlate(document)
                    : demand ? demandReports.record(document) : correlate(document, reply);
            record(document.messageId(), outcome);
            return outcome;
        });
    }

    private DispatchOutcome start(ReceivedDocument document) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(WorkPermitVariables.PROCESS_KEY)
                .businessKey(document.messageId())
                .setVariables(WorkPermitVariables.start(document))
                .execute();
        return new DispatchOutcome(Kind.STARTED, instance.getId(),
                "started process " + WorkPermitVariables.PROCESS_KEY + " " + instance.getId());
    }

    private DispatchOutcome correlate(ReceivedDocument document, Reply reply) {
        if (document.inReplyTo() == null || document.conversationId() == null) {
            return new DispatchOutcome(Kind.UNMATCHED, null,
                    "unmatched: a " + document.documentType() + " without InReplyTo answers no request of a case");
        }
        MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(document.documentType())
                .processInstanceVariableEquals(WorkPermitVariables.CONVERSATION_ID, document.conversationId())
                .processInstanceVariableEquals(reply.requestIdVariable(), document.inReplyTo())
                .processInstanceVariableEquals(reply.partyVariable(), document.from());
        List<MessageCorrelationResult> results =
                correlation.setVariables(ReplyVariables.of(document)).correlateAllWithResult();
        if (results.isEmpty()) {
            return new DispatchOutcome(Kind.UNMATCHED, null, unmatched(document, reply));
        }
        String instance = results.get(0).getExecution().getProcessInstanceId();
        return new DispatchOutcome(Kind.CORRELATED, instance, "correlated with process "
                + WorkPermitVariables.PROCESS_KEY + " " + instance + " as " + document.documentType());
    }

    /** Why nothing took the reply, for the message's history. */
    private String unmatched(ReceivedDocument document, Reply reply) {
        List<ProcessInstance> asked = runtime.createProcessInstanceQuery()
                .variableValueEquals(WorkPermitVariables.CONVERSATION_ID, document.conversationId())
                .variableValueEquals(reply.requestIdVariable(), document.inReplyTo())
                .list();
        if (asked.isEmpty()) {
            return "unmatched: no open case of conversation " + document.conversationId() + " sent request "
                    + document.inReplyTo();
        }
        String instance = asked.get(0).getId();
        Object party = runtime.getVariable(instance, reply.partyVariable());
        if (!document.from().equals(party)) {
            return "unmatched: process " + instance + " sent request " + document.inReplyTo() + " to " + party
                    + ", not to " + document.from();
        }
        return "unmatched: process " + instance + " no longer waits for a " + document.documentType()
                + " to request " + document.inReplyTo() + " (answered already, or its deadline passed)";
    }

    private Optional<DispatchOutcome> earlier(String messageId) {
        return jdbc.query("SELECT outcome, process_instance_id, note FROM process_dispatch WHERE message_id = ?",
                rs -> rs.next() ? Optional.of(new DispatchOutcome(Kind.ALREADY_DISPATCHED,
                        rs.getString("process_instance_id"),
                        "already dispatched (" + rs.getString("outcome") + "): " + rs.getString("note")))
                        : Optional.<DispatchOutcome>empty(),
                messageId);
    }

    private void record(String messageId, DispatchOutcome outcome) {
        jdbc.update("INSERT INTO process_dispatch (message_id, outcome, process_instance_id, note, dispatched_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                messageId, outcome.kind().name(), outcome.processInstanceId(), truncate(outcome.note()),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static String truncate(String note) {
        return note.length() <= 1000 ? note : note.substring(0, 1000);
    }

    /** How a reply finds its case: the variable holding the request's MessageId and the one naming who was asked. */
    private record Reply(String requestIdVariable, String partyVariable) {
    }
}
