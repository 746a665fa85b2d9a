package org.lmx.routes.agreements;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.xsd.agreement.v1.Agreement;
import org.w3c.dom.Document;

/**
 * An agreement file read as far as it goes: its bytes and their SHA-256, and, if it is well-formed, an
 * agr:Agreement and valid against the schema, the bound {@link Agreement}. {@link #problems()} lists every
 * problem found on the way (schema problems all at once).
 *
 * @param agreementId the file's Id (read even from a file that is not valid, for the report), or null
 * @param version     the file's Version likewise, or null
 * @param agreement   the bound agreement, or null when the file cannot be read as a valid agreement
 */
record AgreementFile(String fileName, byte[] bytes, String sha256, String text, String agreementId, Long version,
                     Agreement agreement, List<Problem> problems) {

    /** Longer file names do not fit the registry's column, and no sane agreement file has one. */
    static final int MAX_FILE_NAME = 255;

    AgreementFile {
        problems = List.copyOf(problems);
    }

    boolean readable() {
        return agreement != null && problems.isEmpty();
    }

    static AgreementFile read(String fileName, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        if (fileName == null || fileName.isBlank() || fileName.length() > MAX_FILE_NAME) {
            problems.add(new Problem("file", "a file name of 1 to " + MAX_FILE_NAME + " characters is needed"));
        }
        String sha256 = sha256(bytes);
        String text = utf8(bytes, problems);
        Document document;
        try {
            document = AgreementXml.parse(bytes);
        } catch (XmlRejectedException e) {
            e.problems().forEach(p -> problems.add(new Problem("file", e.code() + " " + p)));
            return new AgreementFile(fileName, bytes, sha256, text, null, null, null, problems);
        }
        if (!AgreementXml.isAgreement(document)) {
            var root = document.getDocumentElement();
            problems.add(new Problem("file", "the root element is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + "; an agreement file's root is Agreement in " + AgreementXml.NAMESPACE));
            return new AgreementFile(fileName, bytes, sha256, text, null, null, null, problems);
        }
        String id = AgreementXml.childText(document, "Id").orElse(null);
        Long version = AgreementXml.childText(document, "Version").flatMap(AgreementFile::parseVersion).orElse(null);
        try {
            ContractSchema.AGREEMENT.validate(document);
        } catch (XmlRejectedException e) {
            e.problems().forEach(p -> problems.add(new Problem("schema", p)));
            return new AgreementFile(fileName, bytes, sha256, text, id, version, null, problems);
        }
        if (version == null) {
            problems.add(new Problem("Version", "larger than " + Long.MAX_VALUE));
        }
        Optional<Agreement> agreement = AgreementXml.unmarshal(document, problems);
        return new AgreementFile(fileName, bytes, sha256, text, id, version, agreement.orElse(null), problems);
    }

    /** Strict UTF-8: the registry stores the file as text, and must get the very same bytes back. */
    private static String utf8(byte[] bytes, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem("file", "not UTF-8 (" + e.getMessage() + "); save agreement files as UTF-8"));
            return null;
        }
    }

    private static Optional<Long> parseVersion(String text) {
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
