package org.lmx.processes.testing;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.lmx.processes.exchange.ReceivedDocument;
import org.lmx.xsd.exchange.v1.Attachment;
import org.lmx.xsd.exchange.v1.AttachmentList;
import org.lmx.xsd.exchange.v1.Body;
import org.lmx.xsd.exchange.v1.DocumentContent;
import org.lmx.xsd.exchange.v1.DocumentType;
import org.lmx.xsd.exchange.v1.ExchangeMessage;
import org.lmx.xsd.exchange.v1.Header;
import org.lmx.xsd.exchange.v1.ObjectFactory;

/**
 * Documents as the exchange hands them to the processes: an ExchangeMessage with a header and one document in its
 * Body (unsigned: the exchange has verified the signature before the dispatch, the processes do not look at it).
 */
public final class Envelopes {

    public static final Path SAMPLES = Path.of("..", "examples", "documents").toAbsolutePath().normalize();
    private static final JAXBContext CONTEXT = context();

    private Envelopes() {
    }

    /** The document in a committed sample's Body. */
    public static <T extends DocumentContent> T sample(String documentType, Class<T> type) {
        try {
            Object root = CONTEXT.createUnmarshaller().unmarshal(Files.newInputStream(SAMPLES.resolve(documentType + ".xml")));
            ExchangeMessage message = (ExchangeMessage) (root instanceof JAXBElement<?> e ? e.getValue() : root);
            return type.cast(message.getBody().getDocument().getValue());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the sample " + documentType, e);
        }
    }

    /** A new document from a party to the hub, as the dispatcher receives it. */
    public static ReceivedDocument received(String from, String conversationId, String inReplyTo,
                                            DocumentContent document) {
        return received(from, conversationId, inReplyTo, document, List.of());
    }

    /** The same, with {@code attachments} declared in the header (the exchange has checked their parts). */
    public static ReceivedDocument received(String from, String conversationId, String inReplyTo,
                                            DocumentContent document, List<Attachment> attachments) {
        String messageId = UUID.randomUUID().toString();
        String type = document.getClass().getSimpleName();
        Header header = new Header();
        header.setMessageId(messageId);
        header.setConversationId(conversationId);
        header.setInReplyTo(inReplyTo);
        header.setAgreementId("AGR-" + from.replace(':', '-'));
        header.setFrom(from);
        header.setTo("KAZ:MLSP");
        header.setDocumentType(DocumentType.fromValue(type));
        header.setCreated(OffsetDateTime.parse("2026-02-02T09:00:00+05:00"));
        if (!attachments.isEmpty()) {
            AttachmentList list = new AttachmentList();
            list.getAttachment().addAll(attachments);
            header.setAttachments(list);
        }
        ExchangeMessage message = new ExchangeMessage();
        message.setHeader(header);
        Body body = new Body();
        try {
            body.setDocument((JAXBElement<? extends DocumentContent>) ObjectFactory.class
                    .getMethod("create" + type, document.getClass()).invoke(new ObjectFactory(), document));
            message.setBody(body);
            Marshaller marshaller = CONTEXT.createMarshaller();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            marshaller.marshal(message, out);
            return new ReceivedDocument(messageId, conversationId, inReplyTo, header.getAgreementId(), from, type,
                    out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("cannot write a " + type, e);
        }
    }

    private static JAXBContext context() {
        try {
            return JAXBContext.newInstance(ObjectFactory.class);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
