package org.lmx.hub.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.XmlSigner;

/** Signs documents as the demo parties do, with their keys from the hub's development PKI. */
final class Parties {

    private Parties() {
    }

    static Credential credential(Path dataDir, String party) throws Exception {
        return PkiDirectory.open(dataDir.resolve("pki")).credential(party);
    }

    /** The committed Ping sample as a new message of {@code from} under {@code agreementId}, signed by {@code signer}. */
    static byte[] ping(String from, String agreementId, Credential signer) throws Exception {
        String xml = Files.readString(Path.of("..", "examples", "documents", "Ping.xml"))
                .replaceFirst("<MessageId>[^<]+</MessageId>", "<MessageId>" + UUID.randomUUID() + "</MessageId>")
                .replaceFirst("<Created>[^<]+</Created>",
                        "<Created>" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS))
                                + "</Created>")
                .replaceFirst("<From>[^<]+</From>", "<From>" + from + "</From>")
                .replaceFirst("<AgreementId>[^<]+</AgreementId>", "<AgreementId>" + agreementId + "</AgreementId>");
        return XmlSigner.sign(xml.getBytes(StandardCharsets.UTF_8), signer);
    }
}
