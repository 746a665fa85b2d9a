package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code lmx validate} as a partner's integration engineer uses it on the samples and on their own files. */
class ValidateCommandTest {

    private static final Path EXAMPLES = Path.of("..", "examples");

    @RegisterExtension
    final Console console = new Console();

    @Test
    void everySampleIsValid() throws IOException {
        List<String> args = new ArrayList<>(List.of("validate"));
        try (Stream<Path> files = Stream.concat(Files.list(EXAMPLES.resolve("documents")), Files.list(EXAMPLES.resolve("agreements")))) {
            files.map(Path::toString).forEach(args::add);
        }
        assertThat(LmxCommand.run(args.toArray(String[]::new))).isZero();
        assertThat(console.out()).contains("VALID    ").doesNotContain("INVALID");
    }

    @Test
    void anInvalidFileFailsWithEveryProblemListed(@TempDir Path dir) throws IOException {
        String ping = Files.readString(EXAMPLES.resolve("documents/Ping.xml"))
                .replaceFirst("<Created>[^<]+</Created>", "<Created>2026-11-24T10:15:00</Created>")
                .replaceFirst("<From>[^<]+</From>", "<From>nobody</From>");
        Path broken = Files.writeString(dir.resolve("broken-ping.xml"), ping);

        assertThat(LmxCommand.run("validate", broken.toString())).isEqualTo(1);
        assertThat(console.out()).contains("INVALID  " + broken).contains("LMX-XML-SCHEMA-INVALID")
                .contains("2026-11-24T10:15:00").contains("nobody");
    }

    @Test
    void aDoctypeIsRefused(@TempDir Path dir) throws IOException {
        Path xxe = Files.writeString(dir.resolve("xxe.xml"),
                "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>");
        assertThat(LmxCommand.run("validate", xxe.toString())).isEqualTo(1);
        assertThat(console.out()).contains("LMX-XML-DOCTYPE").doesNotContain("root:");
    }

    @Test
    void noFileIsAUsageError() {
        assertThat(LmxCommand.run("validate")).isEqualTo(2);
    }
}
