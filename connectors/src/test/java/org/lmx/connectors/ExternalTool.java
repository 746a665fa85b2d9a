package org.lmx.connectors;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * An independent implementation the interop tests run as a process: openssl, xmlsec1. Where the tool is
 * missing those tests are skipped, except in CI ({@code LMX_REQUIRE_INTEROP_TOOLS} set by .ci/run), where
 * they fail.
 */
public enum ExternalTool {
    OPENSSL("openssl", "version", "openssl"),
    XMLSEC1("xmlsec1", "--version", "xmlsec1");

    private final String command;
    private final String versionArgument;
    private final String debianPackage;

    ExternalTool(String command, String versionArgument, String debianPackage) {
        this.command = command;
        this.versionArgument = versionArgument;
        this.debianPackage = debianPackage;
    }

    public record Result(int exitCode, String output) {
    }

    public void assumeAvailable() {
        boolean available;
        try {
            available = run(Path.of("."), versionArgument).exitCode() == 0;
        } catch (IOException e) {
            available = false;
        }
        if (!available && System.getenv("LMX_REQUIRE_INTEROP_TOOLS") != null) {
            fail(command + " is required (LMX_REQUIRE_INTEROP_TOOLS is set): apt-get install -y " + debianPackage);
        }
        Assumptions.assumeTrue(available, command + " is not installed: apt-get install -y " + debianPackage);
    }

    /** Runs the tool with {@code args} in {@code dir}; stdout and stderr together. */
    public Result run(Path dir, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(line).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command + " " + String.join(" ", args) + " did not finish");
            }
            return new Result(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Runs the tool and fails the test unless it exits 0. */
    public String ok(Path dir, String... args) throws IOException {
        Result result = run(dir, args);
        if (result.exitCode() != 0) {
            fail(command + " " + String.join(" ", args) + " exited " + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }
}
