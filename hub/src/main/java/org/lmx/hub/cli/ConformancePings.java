package org.lmx.hub.cli;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.SignatureException;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;

/**
 * The documents {@code lmx conformance} sends: Pings from the hub to the partner, each a new message in one
 * conversation, schema-valid, signed as the hub signs (or by a stranger's key, for check b).
 */
final class ConformancePings {

    /** A signed document and the MessageId it carries. */
    record Signed(String messageId, byte[] bytes) {
    }

    private final String partner;
    private final String agreementId;
    private final Clock clock;
    private final String conversationId = UUID.randomUUID().toString();

    ConformancePings(String partner, String agreementId, Clock clock) {
        this.partner = partner;
        this.agreementId = agreementId;
        this.clock = clock;
    }

    /** A Ping from the hub, its Text saying what it tests, signed with {@code signer}. */
    Signed ping(String text, Credential signer) throws CliFailure {
        String messageId = UUID.randomUUID().toString();
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ExchangeMessage xmlns=\"urn:lmx:exchange:1\">\n"
                + "  <Header>\n"
                + "    <MessageId>" + messageId + "</MessageId>\n"
                + "    <ConversationId>" + conversationId + "</ConversationId>\n"
                + "    <AgreementId>" + DraftAgreement.escape(agreementId) + "</AgreementId>\n"
                + "    <From>" + EnvelopeFiller.HUB + "</From>\n"
                + "    <To>" + partner + "</To>\n"
                + "    <DocumentType>Ping</DocumentType>\n"
                + "    <Created>" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS)) + "</Created>\n"
                + "  </Header>\n"
                + "  <Body>\n"
                + "    <Ping>\n"
                + "      <Text>" + DraftAgreement.escape(text) + "</Text>\n"
                + "    </Ping>\n"
                + "  </Body>\n"
                + "</ExchangeMessage>\n";
        try {
            Document document = SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
            ContractSchema.EXCHANGE.validate(document);
            return new Signed(messageId, XmlSigner.sign(xml.getBytes(StandardCharsets.UTF_8), signer));
        } catch (XmlRejectedException e) {
            throw new CliFailure("the conformance Ping is not valid against the contract (agreement id '" + agreementId
                    + "'?): " + String.join("; ", e.problems()), e);
        } catch (SignatureException e) {
            throw new CliFailure("cannot sign the conformance Ping: [" + e.code() + "] " + e.getMessage(), e);
        }
    }

    /**
     * The signed bytes with one byte of the signed content changed: the first letter of the Ping's Text swapped for
     * another letter, so that the document stays well-formed and schema-valid and only its signature can tell.
     */
    static byte[] tampered(byte[] signed) {
        byte[] copy = signed.clone();
        byte[] marker = "<Text>".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(copy, marker);
        if (at < 0) {
            throw new IllegalStateException("the conformance Ping has no Text to change");
        }
        int position = at + marker.length;
        copy[position] = (byte) (copy[position] == 'X' ? 'Y' : 'X');
        return copy;
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
