package org.lmx.connectors.xml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.w3c.dom.Document;

/** The committed samples under the repository's {@code examples/} folder. */
final class Examples {

    static final Path ROOT = Path.of("..", "examples").toAbsolutePath().normalize();
    static final Path DOCUMENTS = ROOT.resolve("documents");
    static final Path AGREEMENTS = ROOT.resolve("agreements");

    private Examples() {
    }

    static List<Path> documents() {
        return list(DOCUMENTS);
    }

    static List<Path> agreements() {
        return list(AGREEMENTS);
    }

    static Path document(String documentType) {
        return DOCUMENTS.resolve(documentType + ".xml");
    }

    static Document parse(Path file) {
        try {
            return SecureXml.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XmlRejectedException e) {
            throw new AssertionError(file + " is not readable XML: " + e, e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
