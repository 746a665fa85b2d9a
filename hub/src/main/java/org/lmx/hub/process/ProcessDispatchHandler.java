package org.lmx.hub.process;

import org.lmx.processes.exchange.DispatchOutcome;
import org.lmx.processes.exchange.ProcessDispatcher;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.routes.dispatch.DocumentHandler;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;

/**
 * Seam 2, the hub's side: the exchange's outbox dispatcher hands each accepted document to the processes, in its
 * transaction; the dispatcher's outcome (started, correlated, unmatched, already dispatched, not for processes)
 * becomes the note of the message's DISPATCHED state.
 */
public final class ProcessDispatchHandler implements DocumentHandler {

    private final ProcessDispatcher dispatcher;
    private final MessageLog log;

    public ProcessDispatchHandler(ProcessDispatcher dispatcher, MessageLog log) {
        this.dispatcher = dispatcher;
        this.log = log;
    }

    @Override
    public String handle(LoggedMessage message) {
        LogEntry entry = message.entry();
        byte[] signed = log.body(message.messageId()).orElseThrow(() -> new IllegalStateException(
                "accepted message " + message.messageId() + " has no stored body to hand to the processes"));
        DispatchOutcome outcome = dispatcher.dispatch(new ReceivedDocument(entry.messageId(), entry.conversationId(),
                entry.inReplyTo(), entry.agreementId(), entry.from(), entry.documentType(), signed));
        return outcome.note();
    }
}
