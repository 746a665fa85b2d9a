package org.lmx.hub.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
