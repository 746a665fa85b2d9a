package org.lmx.routes.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.signature.SignatureError;
import org.lmx.connectors.xml.XmlRejectedException;
import org.lmx.routes.outbound.ReconcileRule;

/**
 * docs/error-codes.md is what partners program against: every stable code of the code base has its row there,
 * once, and the document names no code that the code base does not have.
 */
class ErrorCodeTableTest {

    private static final Path TABLE = Path.of("..", "docs", "error-codes.md");
    private static final Pattern CODE = Pattern.compile("LMX-[A-Z0-9]+(?:-[A-Z0-9]+)*");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(LMX-[A-Z0-9-]+)`\\s*\\|");

    private static String document;
    private static List<String> rows;

    @BeforeAll
    static void read() throws Exception {
        document = Files.readString(TABLE);
        rows = new ArrayList<>();
        for (String line : document.split("\n")) {
            Matcher row = ROW.matcher(line);
            if (row.find()) {
                rows.add(row.group(1));
            }
        }
    }

    static Set<String> codesInCode() throws IllegalAccessException {
        Set<String> codes = new TreeSet<>();
        Arrays.stream(SignatureError.values()).map(SignatureError::code).forEach(codes::add);
        Arrays.stream(InboundRule.values()).map(InboundRule::code).forEach(codes::add);
        Arrays.stream(ReconcileRule.values()).map(ReconcileRule::code).forEach(codes::add);
        for (Field field : XmlRejectedException.class.getFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers) && field.getType() == String.class
                    && ((String) field.get(null)).startsWith("LMX-")) {
                codes.add((String) field.get(null));
            }
        }
        return codes;
    }

    @Test
    void everyCodeOfTheCodeBaseHasItsRow() throws Exception {
        Set<String> codes = codesInCode();
        // each of the three sources seen: a reflection that finds nothing must not let the check pass on nothing
        assertThat(codes).contains(XmlRejectedException.TOO_LARGE, XmlRejectedException.SCHEMA_INVALID,
                SignatureError.DIGEST_MISMATCH.code(), InboundRule.MESSAGE_CONFLICT.code(),
                ReconcileRule.DIGEST.code());
        assertThat(rows).containsAll(codes);
    }

    @Test
    void eachCodeHasOneRowOnly() {
        assertThat(rows).doesNotHaveDuplicates();
    }

    @Test
    void theDocumentNamesNoCodeThatDoesNotExist() throws Exception {
        Set<String> named = new TreeSet<>();
        Matcher m = CODE.matcher(document);
        while (m.find()) {
            named.add(m.group());
        }
        assertThat(named).isNotEmpty();
        assertThat(codesInCode()).containsAll(named);
    }
}
