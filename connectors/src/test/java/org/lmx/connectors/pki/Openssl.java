package org.lmx.connectors.pki;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the openssl command line, the independent implementation of the interop tests. Without openssl on the
 * PATH those tests are skipped, except in CI ({@code LMX_REQUIRE_INTEROP_TOOLS} set), where they fail.
 */
final class Openssl {

    record Result(int exitCode, String output) {
    }

    private Openssl() {
    }

    static void assumeAvailable() {
        boolean available;
        try {
            available = run(Path.of("."), "version").exitCode() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available && System.getenv("LMX_REQUIRE_INTEROP_TOOLS") != null) {
            fail("openssl is required (LMX_REQUIRE_INTEROP_TOOLS is set) but cannot be run");
        }
        Assumptions.assumeTrue(available, "openssl is not installed");
    }

    /** Runs {@code openssl args...} in {@code dir}; stdout and stderr together. */
    static Result run(Path dir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("openssl " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs openssl and fails the test unless it exits 0. */
    static String ok(Path dir, String... args) throws IOException {
        Result result = run(dir, args);
        if (result.exitCode() != 0) {
            fail("openssl " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }
}
