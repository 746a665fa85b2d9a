package org.lmx.hub.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.hub.cli.EnvelopeFiller.PreparedMessage;
import org.lmx.hub.cli.ReceiptCheck.CheckedReceipt;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lmx send}: what a partner ministry's gateway does, from the command line: fill the envelope of a
 * document, sign it as the party, submit it with its attachments, and check the hub's signed receipt. With
 * {@code --resend}, signed bytes go again unchanged, as a partner retries after a lost answer.
 */
@Command(name = "send",
        mixinStandardHelpOptions = true,
        description = {"Send a document to the hub as a partner ministry does.",
                "Fills the header of an unsigned ExchangeMessage (From = PARTY, To = KAZ:MLSP,",
                "a new MessageId, Created = now, AgreementId, the attachments), signs it as",
                "PARTY and submits it over SOAP with MTOM; with --resend, submits signed bytes",
                "unchanged. The receipt's signature is checked against the hub CA in PKI_DIR,",
                "and its digest against the bytes sent; the receipt is printed.",
                "Exit code 0 ACCEPTED, 3 REJECTED, 1 error, 2 usage error."})
final class SendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hub", required = true, paramLabel = "URL", description = "the hub, e.g. http://localhost:8080")
    String hub;

    @Option(names = "--as", paramLabel = "PARTY", converter = PkiConverters.PartyId.class,
            description = "the sending party, e.g. KOR:MOEL; signs with its key in PKI_DIR")
    String party;

    @Option(names = "--resend", paramLabel = "SIGNED_FILE", description = "submit these signed bytes unchanged (no filling, no signing)")
    Path resend;

    @Option(names = "--dir", paramLabel = "PKI_DIR", defaultValue = "data/pki",
            description = "the PKI directory with the party's key and the hub CA (default: ${DEFAULT-VALUE}, the hub's)")
    Path dir;

    @Option(names = "--agreement", paramLabel = "ID", description = "the AgreementId (default: AGR-<party with - for :>, e.g. AGR-KOR-MOEL)")
    String agreement;

    @Option(names = "--attach", paramLabel = "[ID=]FILE", converter = AttachmentFile.Converter.class,
            description = "a file to send as an attachment (repeatable). Without ID, the files take the Ids the"
                    + " document declares, in order (attachment-N beyond them); declared attachments that get no"
                    + " file are removed with their SupportingDocument references.")
    List<AttachmentFile> attach = new ArrayList<>();

    @Option(names = "--signed-out", paramLabel = "FILE", description = "save the signed bytes exactly as sent")
    Path signedOut;

    @Option(names = "--receipt-out", paramLabel = "FILE", description = "save the receipt's bytes")
    Path receiptOut;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "the unsigned ExchangeMessage, e.g. examples/documents/Ping.xml")
    Path file;

    /** The bytes that go to the hub, the MessageId their receipt must answer, and the attachment parts. */
    private record Outgoing(byte[] signed, String messageId, List<AttachmentContent> attachments) {
    }

    @Override
    public Integer call() throws Exception {
        checkUsage();
        // the trust for the receipt is read first: a wrong PKI_DIR should stop us before anything is sent
        X509Certificate hubCa = Pem.readCertificate(dir.resolve(CertificateAuthority.CERTIFICATE_FILE));
        Outgoing outgoing = resend != null ? resent() : signed();
        if (signedOut != null) {
            Files.write(signedOut, outgoing.signed());
        }
        ExchangeClient client = new ExchangeClient(hub);
        byte[] receipt = client.submit(outgoing.signed(), outgoing.attachments());
        CheckedReceipt checked = ReceiptCheck.check(receipt, hubCa, outgoing.messageId(), Sha256.hex(outgoing.signed()));
        if (receiptOut != null) {
            Files.write(receiptOut, receipt);
        }
        print(receipt, checked);
        return checked.accepted() ? 0 : 3;
    }

    private void checkUsage() {
        if (resend != null && (party != null || file != null || agreement != null || signedOut != null)) {
            throw new ParameterException(spec.commandLine(),
                    "--resend sends signed bytes unchanged: --as, --agreement, --signed-out and FILE do not go with it");
        }
        if (resend == null && (party == null || file == null)) {
            throw new ParameterException(spec.commandLine(), "give --as PARTY and the FILE to send, or --resend SIGNED_FILE");
        }
        URI uri;
        try {
            uri = URI.create(hub);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--hub " + hub + " is not a URL: " + e.getMessage());
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new ParameterException(spec.commandLine(), "--hub wants the hub's http(s) URL, e.g. http://localhost:8080");
        }
    }

    private Outgoing signed() throws IOException, LmxException, CliFailure {
        String agreementId = agreement != null ? agreement : EnvelopeFiller.defaultAgreement(party);
        PreparedMessage prepared = new EnvelopeFiller(Clock.systemDefaultZone())
                .fill(Files.readAllBytes(file), party, agreementId, attach);
        if (!prepared.removed().isEmpty()) {
            System.err.println("NOTE     no file for the declared attachment(s) " + String.join(", ", prepared.removed())
                    + ": removed from the header with the SupportingDocument elements that refer to them");
        }
        XmlSigner.sign(prepared.document(), PkiDirectory.open(dir).credential(party));
        return new Outgoing(XmlBytes.of(prepared.document()), prepared.messageId(), prepared.attachments());
    }

    private Outgoing resent() throws IOException, LmxException, CliFailure {
        byte[] signed = Files.readAllBytes(resend);
        Element header = ExchangeXml.header(SecureXml.parse(signed));
        String messageId = ExchangeXml.text(header, "MessageId");
        if (messageId == null || messageId.isEmpty()) {
            throw new CliFailure(resend + " has no MessageId: there is nothing a receipt could answer");
        }
        List<String> ids = AttachmentIds.assign(ExchangeXml.attachmentIds(header), attach);
        List<AttachmentContent> attachments = new ArrayList<>();
        for (int i = 0; i < attach.size(); i++) {
            attachments.add(AttachmentContent.read(ids.get(i), attach.get(i).file()));
        }
        return new Outgoing(signed, messageId, attachments);
    }

    /** The receipt as it came on standard output; what it says on standard error. */
    private void print(byte[] receipt, CheckedReceipt checked) {
        System.out.write(receipt, 0, receipt.length);
        if (receipt[receipt.length - 1] != '\n') {
            System.out.println();
        }
        System.out.flush();
        String sent = "MessageId " + checked.messageId() + ", SHA-256 " + checked.digest();
        if (checked.code() == null) {
            System.err.println(String.format("%-8s %s", checked.status(), sent));
        } else {
            System.err.println(String.format("%-8s [%s] %s", checked.status(), checked.code(), checked.reason()));
            System.err.println("         " + sent);
        }
        System.err.println("         receipt signature verified (" + EnvelopeFiller.HUB + ")");
        if (signedOut != null) {
            System.err.println("         signed document saved to " + signedOut);
        }
        if (receiptOut != null) {
            System.err.println("         receipt saved to " + receiptOut);
        }
    }
}
