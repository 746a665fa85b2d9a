package org.lmx.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The agreement files already in a directory, read for their Id, Version, Partner and Status only (files that are
 * not agreements are skipped: the hub reports them at import). A new partner's draft takes the next version of the
 * partner's agreement, so that the draft never reuses a version the hub may have imported.
 */
final class ExistingAgreements {

    static final String NS = "urn:lmx:agreement:1";

    /** What one file says about itself. */
    record AgreementFileInfo(Path file, String id, long version, String partner, String status, Element root) {
    }

    private ExistingAgreements() {
    }

    /** The next version for {@code id}: 1 if no file has it; refused if another partner's agreement has that id. */
    static long nextVersion(Path dir, String id, String party) throws CliFailure {
        long highest = 0;
        for (AgreementFileInfo info : readDir(dir)) {
            if (!info.id().equals(id)) {
                continue;
            }
            if (!info.partner().equals(party)) {
                throw new CliFailure(info.file() + " uses the agreement id " + id + " for " + info.partner()
                        + ": an agreement id belongs to one pair of parties");
            }
            highest = Math.max(highest, info.version());
        }
        return highest + 1;
    }

    /** The latest version among the files of {@code dirs} (searched in depth) whose partner is {@code party}. */
    static Optional<AgreementFileInfo> latestOf(String party, List<Path> dirs) throws CliFailure {
        List<AgreementFileInfo> all = new ArrayList<>();
        for (Path dir : dirs) {
            all.addAll(readDir(dir));
        }
        return all.stream().filter(a -> a.partner().equals(party)).max(Comparator.comparingLong(AgreementFileInfo::version));
    }

    static List<AgreementFileInfo> readDir(Path dir) throws CliFailure {
        List<AgreementFileInfo> infos = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return infos;
        }
        try (Stream<Path> files = Files.walk(dir, 3)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml") && Files.isRegularFile(f)).sorted().toList()) {
                read(file).ifPresent(infos::add);
            }
        } catch (IOException e) {
            throw new CliFailure("cannot list the agreements in " + dir + ": " + e.getMessage(), e);
        }
        return infos;
    }

    /** One file, if it is an agreement with an Id, a numeric Version and a Partner. */
    static Optional<AgreementFileInfo> read(Path file) {
        try {
            Document document = SecureXml.parse(Files.readAllBytes(file), 1024 * 1024);
            Element root = document.getDocumentElement();
            if (!NS.equals(root.getNamespaceURI()) || !"Agreement".equals(root.getLocalName())) {
                return Optional.empty();
            }
            String id = text(root, "Id");
            String version = text(root, "Version");
            Element parties = child(root, "Parties");
            String partner = parties == null ? null : text(parties, "Partner");
            if (id == null || version == null || partner == null || !version.matches("[0-9]{1,9}")) {
                return Optional.empty();
            }
            return Optional.of(new AgreementFileInfo(file, id, Long.parseLong(version), partner, text(root, "Status"), root));
        } catch (IOException | XmlRejectedException e) {
            return Optional.empty();
        }
    }

    static Element child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst().orElse(null);
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    static String text(Element parent, String localName) {
        Element e = child(parent, localName);
        return e == null ? null : e.getTextContent().strip();
    }
}
