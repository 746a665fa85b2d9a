package org.lmx.routes.agreements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed example agreements, and edits of them written as new files. */
public final class AgreementFiles {

    public static final Path EXAMPLES = Path.of("..", "examples", "agreements").toAbsolutePath().normalize();
    public static final String KOR = "soap-push-KOR-MOEL.xml";
    public static final String UZB = "soap-pull-UZB-MEHNAT.xml";
    public static final String MIA = "queue-KAZ-MIA.xml";

    private AgreementFiles() {
    }

    public static String example(String name) {
        try {
            return Files.readString(EXAMPLES.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path write(Path dir, String name, String content) {
        try {
            return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void copyExamples(Path dir) {
        for (String name : new String[] {KOR, UZB, MIA}) {
            write(dir, name, example(name));
        }
    }

    /** {@code text} with {@code from} replaced once; fails if {@code from} is not there, so an edit cannot silently miss. */
    public static String edit(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0) {
            throw new IllegalArgumentException("'" + from + "' is not in the text");
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }

    public static String withVersion(String text, long version) {
        return text.replaceFirst("<Version>\\d+</Version>", "<Version>" + version + "</Version>");
    }

    public static String withStatus(String text, String status) {
        return text.replaceFirst("<Status>[A-Z]+</Status>", "<Status>" + status + "</Status>");
    }
}
