package org.lmx.hub.production;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmx.routes.log.DataCipher;

/**
 * The data keys that seal message bodies and attachments at rest, as secrets: {@value #CURRENT} (environment
 * {@code LMX_DATA_KEY}) is the key new values are sealed with, written {@code id:base64} (32 random bytes); after a
 * rotation the earlier ones stay in {@value #PREVIOUS} ({@code LMX_DATA_KEYS_PREVIOUS}, comma-separated) so that older
 * rows still open. No current key: nothing is encrypted (the development default; production requires one).
 */
public final class DataKeys {

    public static final String CURRENT = "data.key";
    public static final String PREVIOUS = "data.keys.previous";

    private DataKeys() {
    }

    /** @throws IllegalArgumentException if a key is malformed, or previous keys are given without a current one */
    public static DataCipher cipher(Secrets secrets) {
        Optional<String> current = secrets.get(CURRENT);
        List<DataCipher.DataKey> previous = new ArrayList<>();
        secrets.get(PREVIOUS).ifPresent(list -> {
            for (String key : list.split(",")) {
                if (!key.isBlank()) {
                    previous.add(DataCipher.DataKey.parse(key.trim()));
                }
            }
        });
        if (current.isEmpty()) {
            if (!previous.isEmpty()) {
                throw new IllegalArgumentException(Secrets.environmentName(PREVIOUS) + " is given without "
                        + Secrets.environmentName(CURRENT) + ": a key to seal new values with is needed");
            }
            return DataCipher.NONE;
        }
        return DataCipher.of(DataCipher.DataKey.parse(current.get()), previous);
    }

    /** For tools that read the database themselves (lmx log verify offline): the environment and LMX_SECRETS_FILE. */
    public static DataCipher fromEnvironment() {
        Map<String, String> environment = System.getenv();
        String file = environment.get("LMX_SECRETS_FILE");
        return cipher(Secrets.load(environment, file == null || file.isBlank() ? null : Path.of(file)));
    }
}
