package org.lmx.hub.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.nio.file.Path;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.lmx.hub.broker.BrokerCredentials;

/**
 * A domestic agency's client as an agency would write it with its own platform's library: Qpid JMS over AMQP 1.0,
 * not Artemis's client. One connection, one session, auto-acknowledge.
 */
final class AgencyClient implements AutoCloseable {

    final String code;
    private final Connection connection;
    final Session session;

    private AgencyClient(String code, Connection connection) throws JMSException {
        this.code = code;
        this.connection = connection;
        this.session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        connection.start();
    }

    /** Logs in as agency {@code code} with the password the hub generated into its data directory. */
    static AgencyClient connect(int amqpPort, Path dataDir, String code) throws JMSException {
        String password = BrokerCredentials.open(dataDir.resolve(BrokerCredentials.FILE)).password(code);
        return new AgencyClient(code, factory(amqpPort).createConnection(code, password));
    }

    static JmsConnectionFactory factory(int amqpPort) {
        return new JmsConnectionFactory("amqp://127.0.0.1:" + amqpPort);
    }

    static String in(String code) {
        return "lmx.agency." + code + ".in";
    }

    static String out(String code) {
        return "lmx.agency." + code + ".out";
    }

    /** Sends signed bytes on the agency's .out (or {@code queue}) as a BytesMessage; returns the JMSMessageID. */
    Message send(String queue, byte[] signed, Destination replyTo) throws JMSException {
        BytesMessage message = session.createBytesMessage();
        message.writeBytes(signed);
        if (replyTo != null) {
            message.setJMSReplyTo(replyTo);
        }
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(message);
        }
        return message;
    }

    MessageConsumer consumer(String queue) throws JMSException {
        return session.createConsumer(session.createQueue(queue));
    }

    static byte[] bytes(Message message) throws JMSException {
        BytesMessage bytes = (BytesMessage) message;
        byte[] body = new byte[(int) bytes.getBodyLength()];
        bytes.readBytes(body);
        return body;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
