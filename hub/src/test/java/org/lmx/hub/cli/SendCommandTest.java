package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmx send} up to the hub's door: usage, what is refused before signing, and a hub that is not there
 * (the signed bytes are kept for a resend all the same). The round trip with a hub is SendCommandIT.
 */
class SendCommandTest {

    private static final String SAMPLE = Path.of("..", "examples", "documents", "EmploymentContractRegistration.xml").toString();

    @TempDir
    static Path pkiParent;
    private static Path pki;

    @TempDir
    Path dir;

    @RegisterExtension
    final Console console = new Console();

    private String closedPort;
    private Path scan;

    @BeforeAll
    static void developmentPki() {
        pki = pkiParent.resolve("pki");
        assertThat(LmxCommand.run("pki", "init", "--dir", pki.toString())).isZero();
    }

    @BeforeEach
    void noHub() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = "http://127.0.0.1:" + socket.getLocalPort();
        }
        scan = Files.writeString(dir.resolve("scan.pdf"), "%PDF-1.7 scan");
        console.reset();
    }

    @Test
    void aHubThatIsNotThereIsOneLineAndTheSignedBytesAreKept() {
        Path signed = dir.resolve("signed.xml");
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--as", "KOR:MOEL", "--dir", pki.toString(),
                "--attach", scan.toString(), "--signed-out", signed.toString(), SAMPLE)).isEqualTo(1);
        assertThat(console.err()).contains("NOTE     no file for the declared attachment(s) recruiter-licence, recognition")
                .contains("ERROR    cannot reach the hub at " + closedPort + "/services/exchange");
        assertThat(console.err().lines().filter(l -> l.startsWith("ERROR"))).hasSize(1);
        assertThat(console.out()).doesNotContain("ExchangeMessage");

        console.reset();
        assertThat(LmxCommand.run("verify", "--trust", pki.resolve("hub-ca.crt.pem").toString(), "--party", "KOR:MOEL",
                signed.toString())).isZero();
    }

    @Test
    void anInvalidResultIsNotSignedNorSent() {
        Path signed = dir.resolve("signed.xml");
        // an EmploymentContractRegistration needs at least one SupportingDocument, so at least one file
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--as", "KOR:MOEL", "--dir", pki.toString(),
                "--signed-out", signed.toString(), SAMPLE)).isEqualTo(1);
        assertThat(console.err()).contains("ERROR    the filled document is not valid against the contract, so it is not signed")
                .contains("SupportingDocument").doesNotContain("cannot reach");
        assertThat(signed).doesNotExist();
    }

    @Test
    void signedBytesGoWithResendOnly() {
        Path signed = dir.resolve("signed.xml");
        LmxCommand.run("send", "--hub", closedPort, "--as", "KOR:MOEL", "--dir", pki.toString(), "--attach",
                scan.toString(), "--signed-out", signed.toString(), SAMPLE);
        console.reset();
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--as", "KOR:MOEL", "--dir", pki.toString(),
                "--attach", scan.toString(), signed.toString())).isEqualTo(1);
        assertThat(console.err()).contains("signed already").contains("--resend");

        console.reset();
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--resend", signed.toString(), "--dir", pki.toString(),
                "--attach", "contract=" + scan)).isEqualTo(1);
        assertThat(console.err()).contains("ERROR    cannot reach the hub");
    }

    @Test
    void usageErrors() {
        assertThat(LmxCommand.run("send", "--hub", closedPort, SAMPLE)).isEqualTo(2);
        assertThat(console.err()).contains("give --as PARTY and the FILE to send, or --resend SIGNED_FILE");
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--resend", SAMPLE, "--as", "KOR:MOEL")).isEqualTo(2);
        assertThat(console.err()).contains("--resend sends signed bytes unchanged");
        assertThat(LmxCommand.run("send", "--hub", "localhost:8080", "--as", "KOR:MOEL", SAMPLE)).isEqualTo(2);
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--as", "kor-moel", SAMPLE)).isEqualTo(2);
        assertThat(LmxCommand.run("send", "--hub", closedPort, "--as", "KOR:MOEL", "--attach", "1bad=x.pdf", SAMPLE)).isEqualTo(2);
        assertThat(console.err()).contains("'1bad' is not an attachment Id");
    }
}
