package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code lmx evidence verify}'s answers when there is no bundle to speak of: error (1) or broken (2), never a crash. */
class EvidenceVerifyCommandTest {

    @RegisterExtension
    final Console console = new Console();

    @TempDir
    Path dir;

    @Test
    void aMissingFileIsAnError() {
        assertThat(LmxCommand.run("evidence", "verify", dir.resolve("nothing.zip").toString())).isEqualTo(1);
        assertThat(console.err()).contains("ERROR    cannot read");
    }

    @Test
    void aFileThatIsNoCanonicalZipIsBrokenAndSaysWhy() throws Exception {
        Path letter = Files.writeString(dir.resolve("welder-permit.zip"), "a welder's permit, not a bundle",
                StandardCharsets.UTF_8);
        assertThat(LmxCommand.run("evidence", "verify", letter.toString())).isEqualTo(2);
        assertThat(console.out()).contains("BROKEN   canonical form: it is not the canonical form of its 0 entries");
    }

    @Test
    void aTrustFileThatIsNoCertificateIsAnError() throws Exception {
        Path bundle = Files.write(dir.resolve("b.zip"), new byte[] {0x50, 0x4b, 0x05, 0x06});
        Path notPem = Files.writeString(dir.resolve("ca.pem"), "not a certificate");
        assertThat(LmxCommand.run("evidence", "verify", bundle.toString(), "--trust", notPem.toString())).isEqualTo(1);
        assertThat(console.err()).contains("--trust").contains("is not a PEM certificate");
    }
}
