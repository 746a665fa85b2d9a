package org.lmx.bench.load;

import java.util.List;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;

import org.apache.qpid.jms.JmsConnectionFactory;

/**
 * The agency round trip over the queues, as an agency sees it: the migration police (broker user MIA, AMQP 1.0,
 * Qpid JMS) puts a signed document on {@code lmx.agency.MIA.out} with a temporary reply queue and waits for the
 * hub's signed receipt; one at a time, so each latency is the hub's alone.
 */
final class AgencyRoundTrip {

    record Result(int sent, int accepted, int other, Latencies latencies) {
    }

    static Result run(int amqpPort, String password, List<byte[]> signed) throws Exception {
        JmsConnectionFactory factory = new JmsConnectionFactory("amqp://127.0.0.1:" + amqpPort);
        Latencies latencies = new Latencies();
        int accepted = 0;
        int other = 0;
        try (Connection connection = factory.createConnection("MIA", password)) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            TemporaryQueue replies = session.createTemporaryQueue();
            MessageProducer producer = session.createProducer(session.createQueue("lmx.agency.MIA.out"));
            MessageConsumer consumer = session.createConsumer(replies);
            for (byte[] document : signed) {
                BytesMessage m = session.createBytesMessage();
                m.writeBytes(document);
                m.setJMSReplyTo(replies);
                long t0 = System.nanoTime();
                producer.send(m);
                Message receipt = consumer.receive(60_000);
                long t1 = System.nanoTime();
                if (receipt instanceof BytesMessage bytes) {
                    byte[] body = new byte[(int) bytes.getBodyLength()];
                    bytes.readBytes(body);
                    latencies.add(t1 - t0);
                    if (new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(">ACCEPTED<")) {
                        accepted++;
                    } else {
                        other++;
                    }
                } else {
                    other++;
                }
            }
        }
        return new Result(signed.size(), accepted, other, Latencies.merge(List.of(latencies)));
    }

    private AgencyRoundTrip() {
    }
}
