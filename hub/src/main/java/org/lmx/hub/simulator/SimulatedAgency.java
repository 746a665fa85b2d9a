package org.lmx.hub.simulator;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.Optional;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.inbound.ReceivedHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One domestic agency as a simulator: logged in to the broker over a real acceptor as the agency's own broker user,
 * it takes every document of the hub from its {@code .in}, checks the hub's signature, and answers on its
 * {@code .out} with its signed receipt and, for the requests it knows, its signed answer ({@link CounterpartyAnswers}).
 * The hub's receipts for the agency's answers end here: a receipt is never receipted.
 */
final class SimulatedAgency implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedAgency.class);

    private final AgencyQueues queues;
    private final CounterpartyAnswers answers;
    private final SimulatedParties parties;
    private final Connection connection;
    private final Session session;
    private final MessageProducer out;

    private SimulatedAgency(AgencyQueues queues, CounterpartyAnswers answers, SimulatedParties parties,
                            Connection connection) throws JMSException {
        this.queues = queues;
        this.answers = answers;
        this.parties = parties;
        this.connection = connection;
        // one session for the listener and its replies: the listener's thread is the session's only user
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        this.out = session.createProducer(session.createQueue(queues.out()));
        session.createConsumer(session.createQueue(queues.in())).setMessageListener(this::onMessage);
        connection.start();
    }

    /** Logs in as the agency ({@code queues.user()}) and starts answering. */
    static SimulatedAgency start(ConnectionFactory factory, String password, AgencyQueues queues,
                                 SimulatedParties parties) throws JMSException {
        Connection connection = factory.createConnection(queues.user(), password);
        try {
            return new SimulatedAgency(queues, parties.as(queues.party()), parties, connection);
        } catch (JMSException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    String party() {
        return queues.party();
    }

    private void onMessage(Message message) {
        try {
            byte[] received = bytes(message);
            VerifiedDocument verified;
            try {
                verified = parties.fromHub(received);
            } catch (LmxException e) {
                LOG.warn("[simulator] {} ignores a message on {} that is not the hub's signed document: [{}] {}",
                        queues.party(), queues.in(), e.code(), e.getMessage());
                return;
            }
            ReceivedHeader header = ReceivedHeader.of(verified.document());
            String type = header.documentType().orElse("?");
            String id = header.messageId().orElse("?");
            if ("Receipt".equals(type)) {
                LOG.info("[simulator] {} got the hub's signed receipt {} for its document {}", queues.party(),
                        receiptStatus(verified.document().getDocumentElement()), header.inReplyTo().orElse("?"));
                return;
            }
            send(answers.receipt(verified.document(), received));
            LOG.info("[simulator] {} took {} {} (conversation {}) from {} and sent its signed receipt ACCEPTED on {}",
                    queues.party(), type, id, header.conversationId().orElse("?"), queues.in(), queues.out());
            Optional<byte[]> answer = answers.answer(verified.document(), received);
            if (answer.isPresent()) {
                send(answer.get());
                ReceivedHeader sent = ReceivedHeader.of(SecureXml.parse(answer.get()));
                LOG.info("[simulator] {} answered {} {} with {} {} on {}", queues.party(), type, id,
                        sent.documentType().orElse("?"), sent.messageId().orElse("?"), queues.out());
            }
        } catch (Exception e) {
            // acknowledged all the same: a document the simulator cannot answer would otherwise come back for ever
            LOG.warn("[simulator] {} could not answer a message on {}: {}", queues.party(), queues.in(), e.toString(), e);
        }
    }

    private void send(byte[] signed) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(signed);
        out.send(message);
    }

    private static byte[] bytes(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    private static String receiptStatus(Element root) {
        Node status = root.getElementsByTagNameNS("urn:lmx:exchange:1", "Status").item(0);
        return status == null ? "?" : status.getTextContent().trim();
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
