package org.lmx.routes.agency;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.nio.charset.StandardCharsets;

/**
 * What the hub takes from one JMS message on an agency's {@code .out}: its JMS id, where it asks for the answer,
 * how often the broker has delivered it, its kind, and its content as bytes (a BytesMessage's exact bytes; a
 * TextMessage's text in UTF-8, kept only for the dead letters; nothing of other kinds, and never an ObjectMessage's
 * deserialized object).
 *
 * @param replyTo the JMSReplyTo queue's name, a topic as {@code topic:<name>}, or null when none was given
 */
public record QueueMessage(String jmsMessageId, String replyTo, int deliveryCount, String kind, byte[] content) {

    static final String DELIVERY_COUNT = "JMSXDeliveryCount";
    /**
     * Where Artemis keeps the JMSMessageID that an AMQP client gave its message: the id the agency knows, where the
     * hub's Core client would see one the broker made up.
     */
    static final String NATIVE_MESSAGE_ID = "NATIVE_MESSAGE_ID";

    public static QueueMessage of(Message message) throws JMSException {
        int deliveryCount = message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1;
        String id = message.propertyExists(NATIVE_MESSAGE_ID) ? message.getStringProperty(NATIVE_MESSAGE_ID)
                : message.getJMSMessageID();
        return new QueueMessage(id, name(message.getJMSReplyTo()), deliveryCount, kind(message), content(message));
    }

    /** A BytesMessage: the only kind that carries a signed document. */
    public boolean bytes() {
        return "BytesMessage".equals(kind);
    }

    private static String name(Destination destination) throws JMSException {
        if (destination instanceof Queue queue) {
            return queue.getQueueName();
        }
        if (destination instanceof Topic topic) {
            return "topic:" + topic.getTopicName();
        }
        return destination == null ? null : destination.toString();
    }

    private static String kind(Message message) {
        if (message instanceof BytesMessage) {
            return "BytesMessage";
        }
        if (message instanceof TextMessage) {
            return "TextMessage";
        }
        if (message instanceof MapMessage) {
            return "MapMessage";
        }
        if (message instanceof ObjectMessage) {
            return "ObjectMessage";
        }
        if (message instanceof StreamMessage) {
            return "StreamMessage";
        }
        return "Message";
    }

    private static byte[] content(Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        return new byte[0];
    }
}
