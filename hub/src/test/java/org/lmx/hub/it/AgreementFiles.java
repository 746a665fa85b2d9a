package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changes agreement files in the data directory as an operator edits them (an admin reload then imports them). */
final class AgreementFiles {

    private AgreementFiles() {
    }

    /** Replaces each {@code fromTo[i]} by {@code fromTo[i + 1]} in {@code DATA_DIR/agreements/file}; each must be there. */
    static void rewrite(Path dataDir, String file, String... fromTo) throws Exception {
        Path path = dataDir.resolve("agreements").resolve(file);
        String text = Files.readString(path);
        for (int i = 0; i < fromTo.length; i += 2) {
            assertThat(text).as(file).contains(fromTo[i]);
            text = text.replace(fromTo[i], fromTo[i + 1]);
        }
        Files.writeString(path, text);
    }

    /**
     * The next version of the agreement in {@code DATA_DIR/agreements/file}, whatever version it is at now, with the
     * text of each named element (each must be there once) replaced: so that ITs may point the same agreement
     * elsewhere in any order.
     *
     * @return the new version
     */
    static long nextVersion(Path dataDir, String file, Map<String, String> elements) throws Exception {
        Path path = dataDir.resolve("agreements").resolve(file);
        String text = Files.readString(path);
        Matcher version = Pattern.compile("<Version>(\\d+)</Version>").matcher(text);
        assertThat(version.find()).as(file + " has a Version").isTrue();
        long next = Long.parseLong(version.group(1)) + 1;
        text = version.replaceFirst("<Version>" + next + "</Version>");
        for (Map.Entry<String, String> element : elements.entrySet()) {
            Pattern pattern = Pattern.compile("<" + element.getKey() + ">[^<]*</" + element.getKey() + ">");
            assertThat(pattern.matcher(text).results().count()).as(file + " has one " + element.getKey()).isEqualTo(1);
            text = pattern.matcher(text).replaceFirst(Matcher.quoteReplacement(
                    "<" + element.getKey() + ">" + element.getValue() + "</" + element.getKey() + ">"));
        }
        Files.writeString(path, text);
        return next;
    }
}
