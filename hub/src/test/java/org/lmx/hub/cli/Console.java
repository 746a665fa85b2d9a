package org.lmx.hub.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Captures what a command prints, as a user at the terminal sees it: {@code @RegisterExtension Console console}. */
public final class Console implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @Override
    public void beforeEach(ExtensionContext context) {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** Standard output so far. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Standard error so far (refusals of the execution handler, usage errors). */
    public String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Both, for assertions that do not care where a line went. */
    public String all() {
        return out() + err();
    }

    public void reset() {
        out.reset();
        err.reset();
    }
}
