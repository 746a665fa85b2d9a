package org.lmx.routes.inbound;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogContext;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.MessageState;
import org.lmx.routes.log.NewMessage;
import org.lmx.routes.log.Rejection;
import org.lmx.routes.log.RejectionAudit;
import org.lmx.xsd.exchange.v1.DocumentType;
import org.lmx.xsd.exchange.v1.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound pipeline (ARCHITECTURE.md "Flows") for every channel: an {@link InboundSubmission} in, an
 * {@link InboundResult} with the signed receipt out. Route {@code inbound} reads the document and looks up its
 * MessageId (a resend gets the receipt first sent, whatever has changed since); route {@code inbound-first-seen}
 * runs every check and then logs the message, its receipt and its outbox row in one transaction. Any failure
 * becomes a REJECTED receipt and a line in the rejection audit, and leaves nothing in the log. Route
 * {@code status-request} runs the same checks on a StatusRequest and answers with a signed StatusReport.
 */
public class InboundRoute extends RouteBuilder {

    public static final String INBOUND = "direct:inbound";
    /** A StatusRequest (GetStatus): checked like any inbound document, answered by a StatusReport, never logged. */
    public static final String STATUS_REQUEST = "direct:status-request";
    /**
     * A FetchRequest (FetchPending): checked like a StatusRequest, never logged. The body comes back as the
     * {@link FetchQuestion} it asks, or as the {@link InboundResult} of its rejection.
     */
    public static final String FETCH_REQUEST = "direct:fetch-request";
    static final String FIRST_SEEN = "direct:inbound-first-seen";
    /** The exchange property a channel sets to the SHA-256 (hex) of the call's TLS client certificate, if any. */
    public static final String TLS_CLIENT = "lmx.tls-client-sha256";
    private static final String CONTEXT = "lmx.inbound";
    private static final String LOGGED = "lmx.inbound.logged";
    private static final Logger LOG = LoggerFactory.getLogger(InboundRoute.class);

    private final InboundChecks checks;
    private final MessageLog log;
    private final RejectionAudit rejections;
    private final ReceiptIssuer receipts;
    private final Clock clock;
    private final InboundObserver observer;

    public InboundRoute(InboundChecks checks, MessageLog log, RejectionAudit rejections, ReceiptIssuer receipts, Clock clock) {
        this(checks, log, rejections, receipts, clock, InboundObserver.NONE);
    }

    /** @param observer told of every answered document (the hub's metrics) */
    public InboundRoute(InboundChecks checks, MessageLog log, RejectionAudit rejections, ReceiptIssuer receipts, Clock clock,
                        InboundObserver observer) {
        this.checks = checks;
        this.log = log;
        this.rejections = rejections;
        this.receipts = receipts;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public void configure() {
        // rejections are caught inside the routes (not by onException, which would end the caller's route too),
        // so that every channel gets its InboundResult back and goes on to answer with it
        from(INBOUND).routeId("inbound")
                .process(this::begin).id("received")
                .doTry()
                    .process(e -> checks.documentSize(context(e))).id("document-size")
                    .process(e -> checks.parse(context(e))).id("parse")
                    .process(this::logContext).id("log-context")
                    .process(e -> checks.tlsClient(context(e))).id("tls-client")
                    .process(this::lookUpMessageId).id("known-message-id")
                    .choice().id("first-seen")
                        .when(exchangeProperty(LOGGED).isNotNull())
                            .process(this::resend).id("resend")
                        .otherwise()
                            .to(FIRST_SEEN).id("check-first-seen")
                    .end()
                .endDoTry()
                .doCatch(InboundChecks.ReceiptOffered.class)
                    // the receipt's own MessageId, and the conversation of the message it answers
                    .process(this::logContext).id("receipt-offered-log-context")
                    .process(this::receiptOffered).id("receipt-offered")
                .doCatch(Exception.class)
                    .process(this::reject).id("reject")
                .end()
                .process(this::report).id("report")
                .process(this::observe).id("observe");

        from(FIRST_SEEN).routeId("inbound-first-seen")
                .errorHandler(noErrorHandler())
                .process(e -> checks.attachmentSizes(context(e))).id("attachment-sizes")
                .process(e -> checks.signatureRules(context(e))).id("signature-rules")
                .process(e -> checks.schema(context(e))).id("schema")
                .process(e -> checks.headerMatchesBody(context(e))).id("header-body")
                .process(e -> checks.agreement(context(e))).id("agreement")
                .process(e -> checks.signature(context(e))).id("signature")
                .process(e -> checks.channelParty(context(e))).id("channel-party")
                .process(e -> checks.partyBinding(context(e))).id("party-binding")
                .process(e -> checks.agreementRules(context(e))).id("agreement-rules")
                .process(e -> checks.attachments(context(e))).id("attachments")
                .process(this::store).id("store");

        from(STATUS_REQUEST).routeId("status-request")
                .process(this::begin).id("status-received")
                .doTry()
                    .process(e -> checks.documentSize(context(e))).id("status-document-size")
                    .process(e -> checks.parse(context(e))).id("status-parse")
                    .process(e -> checks.tlsClient(context(e))).id("status-tls-client")
                    .process(e -> checks.signatureRules(context(e))).id("status-signature-rules")
                    .process(e -> checks.schema(context(e))).id("status-schema")
                    .process(e -> checks.headerMatchesBody(context(e))).id("status-header-body")
                    .process(e -> checks.statusRequest(context(e))).id("status-is-request")
                    .process(e -> checks.agreement(context(e))).id("status-agreement")
                    .process(e -> checks.signature(context(e))).id("status-signature")
                    .process(e -> checks.channelParty(context(e))).id("status-channel-party")
                    .process(e -> checks.partyBinding(context(e))).id("status-party-binding")
                    .process(e -> checks.agreementRules(context(e))).id("status-agreement-rules")
                    .process(this::statusReport).id("status-report")
                .doCatch(InboundChecks.ReceiptOffered.class)
                    .process(this::receiptOffered).id("status-receipt-offered")
                .doCatch(Exception.class)
                    .process(this::reject).id("status-reject")
                .end()
                .process(this::report).id("status-log");

        from(FETCH_REQUEST).routeId("fetch-request")
                .process(this::begin).id("fetch-received")
                .doTry()
                    .process(e -> checks.documentSize(context(e))).id("fetch-document-size")
                    .process(e -> checks.parse(context(e))).id("fetch-parse")
                    .process(e -> checks.tlsClient(context(e))).id("fetch-tls-client")
                    .process(e -> checks.signatureRules(context(e))).id("fetch-signature-rules")
                    .process(e -> checks.schema(context(e))).id("fetch-schema")
                    .process(e -> checks.headerMatchesBody(context(e))).id("fetch-header-body")
                    .process(e -> checks.fetchRequest(context(e))).id("fetch-is-request")
                    .process(e -> checks.agreement(context(e))).id("fetch-agreement")
                    .process(e -> checks.signature(context(e))).id("fetch-signature")
                    .process(e -> checks.channelParty(context(e))).id("fetch-channel-party")
                    .process(e -> checks.partyBinding(context(e))).id("fetch-party-binding")
                    .process(e -> checks.agreementRules(context(e))).id("fetch-agreement-rules")
                    .process(e -> checks.pullTransport(context(e))).id("fetch-pull-transport")
                    .process(this::fetchQuestion).id("fetch-question")
                .doCatch(InboundChecks.ReceiptOffered.class)
                    .process(this::receiptOffered).id("fetch-receipt-offered")
                .doCatch(Exception.class)
                    .process(this::reject).id("fetch-reject")
                .end()
                .process(this::fetchLog).id("fetch-log");
    }

    /** The checked request's question, asked by its verified signer. */
    private void fetchQuestion(Exchange exchange) {
        InboundContext in = context(exchange);
        exchange.getMessage().setBody(FetchQuestion.of(in.document, in.verified.party(), in.agreement.id()));
    }

    private void fetchLog(Exchange exchange) {
        if (exchange.getMessage().getBody() instanceof FetchQuestion question) {
            InboundContext in = context(exchange);
            LOG.info("{} FetchRequest {} from {} ({}): up to {} of {}", in.submission.channel(),
                    in.header.messageId().orElse("?"), question.party(), in.digest, question.maxDocuments(),
                    question.documentTypes().isEmpty() ? "any type" : question.documentTypes());
        } else {
            report(exchange);
        }
    }

    /** One entry per MessageId asked for: its state if the requester sent or received it, UNKNOWN otherwise. */
    private void statusReport(Exchange exchange) {
        InboundContext in = context(exchange);
        String requester = in.verified.party();
        List<StatusReport.MessageStatus> statuses = new ArrayList<>();
        for (String messageId : StatusRequests.messageIds(in.document)) {
            StatusReport.MessageStatus status = new StatusReport.MessageStatus();
            status.setMessageId(messageId);
            Optional<LoggedMessage> logged = log.find(messageId)
                    .filter(m -> requester.equals(m.entry().from()) || requester.equals(m.entry().to()));
            if (logged.isEmpty()) {
                status.setState(org.lmx.xsd.exchange.v1.MessageState.UNKNOWN);
            } else {
                LogEntry entry = logged.get().entry();
                status.setState(org.lmx.xsd.exchange.v1.MessageState.fromValue(logged.get().state().name()));
                status.setDirection(org.lmx.xsd.exchange.v1.Direction.fromValue(entry.direction().name()));
                status.setDocumentType(DocumentType.fromValue(entry.documentType()));
                status.setConversationId(entry.conversationId());
                status.setSince(receipts.time(logged.get().stateAt()));
            }
            statuses.add(status);
        }
        exchange.getMessage().setBody(new InboundResult(InboundResult.Outcome.ACCEPTED, in.header, in.digest,
                in.receivedAt, Optional.empty(), receipts.statusReport(in.header, statuses)));
    }

    /** From here on the hub's log lines name the document's MessageId and ConversationId, as its header gives them. */
    private void logContext(Exchange exchange) {
        ReceivedHeader header = context(exchange).header;
        LogContext.put(header.messageId().orElse(null), header.conversationId().orElse(null));
    }

    private void observe(Exchange exchange) {
        try {
            observer.answered(context(exchange).submission, exchange.getMessage().getBody(InboundResult.class),
                    clock.instant());
        } catch (RuntimeException e) {
            LOG.warn("the inbound observer failed; the document's answer is not affected", e);
        } finally {
            LogContext.clear();
        }
    }

    private void begin(Exchange exchange) throws InvalidPayloadException {
        LogContext.clear(); // a thread of the caller's pool that a failed call left marked
        InboundSubmission submission = exchange.getMessage().getMandatoryBody(InboundSubmission.class);
        InboundContext context = new InboundContext(submission, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        context.tlsClient = exchange.getProperty(TLS_CLIENT, String.class);
        exchange.setProperty(CONTEXT, context);
    }

    private void lookUpMessageId(Exchange exchange) {
        context(exchange).header.messageId().flatMap(log::find).ifPresent(m -> exchange.setProperty(LOGGED, m));
    }

    private void resend(Exchange exchange) throws InboundRejection {
        answerResend(exchange, exchange.getProperty(LOGGED, LoggedMessage.class));
    }

    /** The same bytes get the stored receipt; other bytes under a logged MessageId are a conflict. */
    private void answerResend(Exchange exchange, LoggedMessage logged) throws InboundRejection {
        InboundContext in = context(exchange);
        Optional<byte[]> receipt = logged.entry().direction() == Direction.INBOUND && logged.entry().digest().equals(in.digest)
                ? log.receipt(logged.messageId()) : Optional.empty();
        if (receipt.isEmpty()) {
            // before any signature check: say what the sender must do, not what the hub holds under that MessageId
            throw new InboundRejection(InboundRule.MESSAGE_CONFLICT, "MessageId " + logged.messageId() + " is logged"
                    + " with other bytes (these have SHA-256 " + in.digest + "). A changed document is a new message:"
                    + " give it a new MessageId");
        }
        Optional<String> channelParty = in.submission.channelParty();
        if (channelParty.isPresent() && !channelParty.get().equals(logged.entry().from())) {
            // the logged From was verified as the signer when it was accepted: no other agency gets its receipt
            throw new InboundRejection(InboundRule.CHANNEL_NOT_SIGNER, "MessageId " + logged.messageId() + " was sent"
                    + " and signed by " + logged.entry().from() + ", not by " + channelParty.get() + " whose queue it came over");
        }
        exchange.getMessage().setBody(new InboundResult(InboundResult.Outcome.RESENT, in.header, in.digest, in.receivedAt,
                Optional.empty(), receipt.get()));
    }

    /** One transaction: the log entry with the signed bytes, the receipt, the attachments, the outbox row. */
    private void store(Exchange exchange) throws InboundRejection {
        InboundContext in = context(exchange);
        byte[] receipt = receipts.issue(in.header, in.digest, in.receivedAt, Optional.empty());
        ReceivedHeader h = in.header;
        LogEntry entry = new LogEntry(0, h.messageId().orElseThrow(), Direction.INBOUND, h.conversationId().orElseThrow(),
                h.inReplyTo().orElse(null), h.agreementId().orElseThrow(), h.from().orElseThrow(), h.to().orElseThrow(),
                h.documentType().orElseThrow(), ReceivedHeader.createdAsWritten(in.document).orElseThrow(), in.receivedAt,
                in.digest, in.signed().length, Sha256.hex(receipt), in.declaredAttachments);
        Map<String, byte[]> contents = new LinkedHashMap<>();
        in.submission.attachments().forEach(a -> contents.put(Sha256.hex(a.content()), a.content()));
        MessageLog.Appended appended = log.append(new NewMessage(entry, in.signed(), receipt, contents,
                MessageState.ACCEPTED, "received over " + in.submission.channel(), true));
        if (appended.fresh()) {
            exchange.getMessage().setBody(new InboundResult(InboundResult.Outcome.ACCEPTED, in.header, in.digest,
                    in.receivedAt, Optional.empty(), receipt));
        } else {
            // another copy of the same message was logged while this one was being checked
            answerResend(exchange, appended.message());
        }
    }

    private void reject(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        InboundContext in = context(exchange);
        LmxException rejection;
        if (cause instanceof LmxException known) {
            rejection = known;
        } else {
            // a defect of the hub (or its database) must still answer the sender, and not pass for the sender's fault
            LOG.error("inbound document {} (MessageId {}) failed inside the hub", in.digest,
                    in.header.messageId().orElse("?"), cause);
            rejection = new InboundRejection(InboundRule.INTERNAL, InboundRule.INTERNAL.meaning());
        }
        byte[] receipt = receipts.issue(in.header, in.digest, in.receivedAt, Optional.of(rejection));
        try {
            rejections.record(new Rejection(null, in.receivedAt, in.submission.channel(), in.digest, in.signed().length,
                    in.header.messageId().orElse(null), in.header.agreementId().orElse(null), in.header.from().orElse(null),
                    in.header.documentType().orElse(null), in.verified == null ? null : in.verified.party(),
                    rejection.code(), String.valueOf(rejection.getMessage())));
        } catch (RuntimeException e) {
            LOG.error("the rejection of {} ({}) could not be written to the rejection audit", in.digest, rejection.code(), e);
        }
        exchange.getMessage().setBody(new InboundResult(InboundResult.Outcome.REJECTED, in.header, in.digest,
                in.receivedAt, Optional.of(rejection), receipt));
    }

    private void receiptOffered(Exchange exchange) {
        InboundContext in = context(exchange);
        exchange.getMessage().setBody(new InboundResult(InboundResult.Outcome.RECEIPT_OFFERED, in.header, in.digest,
                in.receivedAt, Optional.empty(), null));
    }

    private void report(Exchange exchange) {
        InboundResult result = exchange.getMessage().getBody(InboundResult.class);
        InboundContext in = context(exchange);
        LOG.info("{} {} from {} ({}, {}): {}", in.submission.channel(), result.header().messageId().orElse("?"),
                result.header().from().orElse("?"), result.header().documentType().orElse("?"), in.digest,
                result.rejection().map(r -> "REJECTED " + r.code()).orElse(result.outcome().name()));
    }

    private static InboundContext context(Exchange exchange) {
        return exchange.getProperty(CONTEXT, InboundContext.class);
    }
}
