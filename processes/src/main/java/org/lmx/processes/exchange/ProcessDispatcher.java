package org.lmx.processes.exchange;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.lmx.processes.exchange.DispatchOutcome.Kind;
import org.lmx.processes.consular.ConsularReplyVariables;
import org.lmx.processes.consular.ConsularVariables;
import org.lmx.processes.permit.PermitRegister;
import org.lmx.processes.quota.DemandReports;
import org.lmx.processes.tracking.MovementCorrelation;
import org.lmx.processes.vetting.ContractVettingVariables;
import org.lmx.processes.workpermit.ReplyVariables;
import org.lmx.processes.workpermit.WorkPermitVariables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seam 2 (ARCHITECTURE.md "Modules"): hands an accepted document to the processes through Camunda's
 * RuntimeService. A document of a starting type ({@code STARTERS}: WorkPermitApplication -> work-permit,
 * EmploymentContractRegistration -> contract-vetting, ConsularCaseNotice -> consular-protection) starts its process
 * (business key: its MessageId); a reply ({@code REPLIES}) correlates as the BPMN message of its type, with the
 * case's conversation AND the request it answers (InReplyTo = the MessageId the case sent) AND the party the request
 * went to. A BorderCrossingEvent or a
 * WorkplaceReport goes to the permit-tracking of the permit its person holds ({@link MovementCorrelation}). A
 * RegionalDemandReport is recorded for the quota-refresh process ({@link DemandReports}).
 * <p>
 * Exactly once per MessageId: the outcome is written to {@code process_dispatch} in the same transaction as the
 * start or the correlation (joining the caller's, e.g. the exchange's outbox transaction), so a redelivered
 * document starts no second case and completes no step twice; two deliveries racing on two nodes collide on the
 * table's primary key and one of them rolls back.
 */
public class ProcessDispatcher {

    /** The variable every process keeps its case's conversation in. */
    private static final String CONVERSATION_ID = WorkPermitVariables.CONVERSATION_ID;

    /** Document types that start a process: the process key and the variables it starts with. */
    private static final Map<String, Starter> STARTERS = Map.of(
            WorkPermitVariables.APPLICATION_TYPE,
            new Starter(WorkPermitVariables.PROCESS_KEY, WorkPermitVariables::start),
            ContractVettingVariables.REGISTRATION_TYPE,
            new Starter(ContractVettingVariables.PROCESS_KEY, ContractVettingVariables::start),
            ConsularVariables.NOTICE_TYPE,
            new Starter(ConsularVariables.PROCESS_KEY, ConsularVariables::start));

    /**
     * Document types that answer a request of a case: BPMN message name = document type. A type several processes
     * ask for (InformationResponse) lists each; the request's MessageId and the party asked tell which case waits.
     */
    private static final Map<String, List<Reply>> REPLIES = Map.of(
            "IdentityCheckResult", List.of(workPermit(WorkPermitVariables.IDENTITY_CHECK_REQUEST_ID,
                    WorkPermitVariables.IDENTITY_CHECK_PARTY)),
            "TaxStatusResult", List.of(workPermit(WorkPermitVariables.TAX_STATUS_REQUEST_ID,
                    WorkPermitVariables.TAX_CHECK_PARTY)),
            "QualificationVerificationResult", List.of(workPermit(WorkPermitVariables.QUALIFICATION_REQUEST_ID,
                    WorkPermitVariables.APPLICANT_PARTNER)),
            "InformationResponse", List.of(workPermit(WorkPermitVariables.INFORMATION_REQUEST_ID,
                    WorkPermitVariables.APPLICANT_PARTNER), consular(ConsularVariables.PARTNER_REQUEST_ID),
                    consular(ConsularVariables.PARTNER_REMINDER_ID)));

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
        Starter starter = STARTERS.get(document.documentType());
        boolean movement = MovementCorrelation.takes(document.documentType());
        boolean demand = DemandReports.DOCUMENT_TYPE.equals(document.documentType());
        List<Reply> replies = REPLIES.get(document.documentType());
        if (starter == null && !movement && !demand && replies == null) {
            return new DispatchOutcome(Kind.NOT_FOR_PROCESSES, null,
                    "no process takes a " + document.documentType());
        }
        return transactions.execute(status -> {
            Optional<DispatchOutcome> earlier = earlier(document.messageId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            DispatchOutcome outcome = starter != null ? start(document, starter)
                    : movement ? movements.correlate(document)
                    : demand ? demandReports.record(document) : correlate(document, replies);
            record(document.messageId(), outcome);
            return outcome;
        });
    }

    private DispatchOutcome start(ReceivedDocument document, Starter starter) {
        ProcessInstance instance = runtime.createProcessInstanceByKey(starter.processKey())
                .businessKey(document.messageId())
                .setVariables(starter.variables().apply(document))
                .execute();
        return new DispatchOutcome(Kind.STARTED, instance.getId(),
                "started process " + starter.processKey() + " " + instance.getId());
    }

    private DispatchOutcome correlate(ReceivedDocument document, List<Reply> replies) {
        if (document.inReplyTo() == null || document.conversationId() == null) {
            return new DispatchOutcome(Kind.UNMATCHED, null,
                    "unmatched: a " + document.documentType() + " without InReplyTo answers no request of a case");
        }
        for (Reply reply : replies) {
            MessageCorrelationBuilder correlation = runtime.createMessageCorrelation(document.documentType())
                    .processInstanceVariableEquals(CONVERSATION_ID, document.conversationId())
                    .processInstanceVariableEquals(reply.requestIdVariable(), document.inReplyTo())
                    .processInstanceVariableEquals(reply.partyVariable(), document.from());
            List<MessageCorrelationResult> results =
                    correlation.setVariables(reply.variables().apply(document)).correlateAllWithResult();
            if (!results.isEmpty()) {
                String instance = results.get(0).getExecution().getProcessInstanceId();
                return new DispatchOutcome(Kind.CORRELATED, instance, "correlated with process "
                        + reply.processKey() + " " + instance + " as " + document.documentType());
            }
        }
        return new DispatchOutcome(Kind.UNMATCHED, null, unmatched(document, replies));
    }

    /** Why nothing took the reply, for the message's history. */
    private String unmatched(ReceivedDocument document, List<Reply> replies) {
        for (Reply reply : replies) {
            List<ProcessInstance> asked = runtime.createProcessInstanceQuery()
                    .variableValueEquals(CONVERSATION_ID, document.conversationId())
                    .variableValueEquals(reply.requestIdVariable(), document.inReplyTo())
                    .list();
            if (asked.isEmpty()) {
                continue;
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
        return "unmatched: no open case of conversation " + document.conversationId() + " sent request "
                + document.inReplyTo();
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

    private static Reply workPermit(String requestIdVariable, String partyVariable) {
        return new Reply(WorkPermitVariables.PROCESS_KEY, requestIdVariable, partyVariable, ReplyVariables::of);
    }

    /** A consular case's answer names its request or the reminder sent when the request's deadline passed. */
    private static Reply consular(String requestIdVariable) {
        return new Reply(ConsularVariables.PROCESS_KEY, requestIdVariable, ConsularVariables.PARTNER_MINISTRY,
                ConsularReplyVariables::of);
    }

    /** A process a document type starts, and the variables it starts with. */
    private record Starter(String processKey, Function<ReceivedDocument, Map<String, Object>> variables) {
    }

    /**
     * How a reply finds its case: the variable holding the request's MessageId, the one naming who was asked, and
     * what the reply brings into the case.
     */
    private record Reply(String processKey, String requestIdVariable, String partyVariable,
                         Function<ReceivedDocument, Map<String, Object>> variables) {
    }
}
