package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.hub.cli.Console;
import org.lmx.hub.cli.LmxCommand;

/**
 * The README's walk-through as Korea's integration engineer types it: {@code lmx send} the sample
 * EmploymentContractRegistration with one attachment to the running hub, resend the saved signed bytes and
 * get the same receipt, verify the log through the hub; and the answers that are not ACCEPTED.
 * The hub's own console output shares standard output here, so the assertions read standard error and files.
 */
class SendCommandIT extends HubIT {

    private static final String SAMPLE = Path.of("..", "examples", "documents", "EmploymentContractRegistration.xml").toString();

    @RegisterExtension
    final Console console = new Console();

    private Path work;
    private Path contract;

    @BeforeEach
    void files() throws Exception {
        work = Files.createTempDirectory(Path.of("target"), "send-it-");
        contract = Files.writeString(work.resolve("contract.pdf"), "%PDF-1.4 signed employment contract\n");
    }

    @Test
    void sendResendAndTheSameReceipt() throws Exception {
        Path signed = work.resolve("sent.xml");
        Path receipt = work.resolve("receipt.xml");
        assertThat(LmxCommand.run("send", "--hub", url(""), "--as", "KOR:MOEL", "--dir", pki(), "--attach", contract.toString(),
                "--signed-out", signed.toString(), "--receipt-out", receipt.toString(), SAMPLE)).as(console::all).isZero();
        String messageId = Files.readString(signed).replaceFirst("(?s).*<MessageId>([^<]+)</MessageId>.*", "$1");
        assertThat(console.err()).contains("ACCEPTED MessageId " + messageId + ", SHA-256 " + Sha256.hex(Files.readAllBytes(signed)))
                .contains("receipt signature verified (KAZ:MLSP)")
                .contains("NOTE     no file for the declared attachment(s) recruiter-licence, recognition");
        assertThat(console.out()).contains(new String(Files.readAllBytes(receipt), StandardCharsets.UTF_8));
        // the saved receipt is the hub's evidence on its own
        new SignatureVerifier(CrlSource.NONE).verify(Files.readAllBytes(receipt),
                TrustAnchors.authority(Pem.readCertificate(DATA_DIR.resolve("pki/hub-ca.crt.pem"))),
                VerificationOptions.defaults().expectParty("KAZ:MLSP"));
        assertThat(Files.readString(receipt)).contains("<ReceivedMessageId>" + messageId + "</ReceivedMessageId>");

        console.reset();
        Path again = work.resolve("again.xml");
        assertThat(LmxCommand.run("send", "--hub", url("/"), "--resend", signed.toString(), "--dir", pki(),
                "--attach", "contract=" + contract, "--receipt-out", again.toString())).as(console::all).isZero();
        assertThat(console.err()).contains("ACCEPTED MessageId " + messageId);
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(receipt));
    }

    @Test
    void anUnknownAgreementIsRejectedWithExitCode3() throws Exception {
        Path receipt = work.resolve("rejected.xml");
        assertThat(LmxCommand.run("send", "--hub", url(""), "--as", "KOR:MOEL", "--dir", pki(), "--agreement", "AGR-KOR-NOBODY",
                "--attach", contract.toString(), "--receipt-out", receipt.toString(), SAMPLE)).as(console::all).isEqualTo(3);
        assertThat(console.err()).contains("REJECTED [LMX-AGR-UNKNOWN]").contains("AGR-KOR-NOBODY")
                .contains("receipt signature verified (KAZ:MLSP)");
        assertThat(Files.readString(receipt)).contains("<Status>REJECTED</Status>");
    }

    @Test
    void aSoapFaultIsOneLineAndExitCode1() throws Exception {
        Path receipt = work.resolve("receipt.xml");
        LmxCommand.run("send", "--hub", url(""), "--as", "KOR:MOEL", "--dir", pki(), "--attach", contract.toString(),
                "--receipt-out", receipt.toString(), SAMPLE);
        console.reset();
        // a receipt is not a document one submits: the hub answers with a fault, not a receipt
        assertThat(LmxCommand.run("send", "--hub", url(""), "--resend", receipt.toString(), "--dir", pki())).as(console::all).isEqualTo(1);
        assertThat(console.err().lines().filter(l -> !l.isBlank()))
                .containsExactly("ERROR    the hub at " + url("/services/exchange") + " answered with a SOAP fault: "
                        + "a Receipt is not submitted: it is returned in SubmitResponse or handed over with Acknowledge");
    }

    @Test
    void theLogVerifiesThroughTheHub() {
        assertThat(LmxCommand.run("send", "--hub", url(""), "--as", "KOR:MOEL", "--dir", pki(), "--attach", contract.toString(),
                SAMPLE)).as(console::all).isZero();
        console.reset();
        assertThat(LmxCommand.run("log", "verify", "--hub", url(""), "--data-dir", DATA_DIR.toString())).as(console::all).isZero();
        assertThat(console.out()).contains("INTACT: ");
    }

    private static String pki() {
        return DATA_DIR.resolve("pki").toString();
    }
}
