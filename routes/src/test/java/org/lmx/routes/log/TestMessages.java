package org.lmx.routes.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.lmx.connectors.Sha256;

/** Inbound messages as the inbound route would append them, with made-up bodies, receipts and attachments. */
final class TestMessages {

    /** An attachment part: the Id it is declared under and its content. */
    record Part(String id, byte[] content) {
        static Part of(String id, String content) {
            return new Part(id, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private TestMessages() {
    }

    static NewMessage inbound(String from, String documentType, Instant loggedAt, Part... parts) {
        return inbound(UUID.randomUUID().toString(), from, documentType, loggedAt, parts);
    }

    static NewMessage inbound(String messageId, String from, String documentType, Instant loggedAt, Part... parts) {
        byte[] body = ("<ExchangeMessage><!-- " + messageId + " " + documentType + " from " + from + " --></ExchangeMessage>")
                .getBytes(StandardCharsets.UTF_8);
        return inbound(messageId, from, documentType, loggedAt, body, parts);
    }

    static NewMessage inbound(String messageId, String from, String documentType, Instant loggedAt, byte[] body,
                              Part... parts) {
        byte[] receipt = ("<Receipt>" + messageId + " " + Sha256.hex(body) + "</Receipt>").getBytes(StandardCharsets.UTF_8);
        List<LoggedAttachment> declared = new ArrayList<>();
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Part p : parts) {
            String sha256 = Sha256.hex(p.content());
            declared.add(new LoggedAttachment(p.id(), p.id() + ".pdf", "application/pdf", p.content().length, sha256));
            contents.put(sha256, p.content());
        }
        LogEntry entry = new LogEntry(0, messageId, Direction.INBOUND, UUID.randomUUID().toString(), null,
                "AGR-" + from.replace(':', '-'), from, "KAZ:MLSP", documentType,
                loggedAt.atOffset(ZoneOffset.ofHours(9)).toString(), loggedAt, Sha256.hex(body), body.length,
                Sha256.hex(receipt), declared);
        return new NewMessage(entry, body, receipt, contents, MessageState.ACCEPTED, "received over TEST", true);
    }
}
