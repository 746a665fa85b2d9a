package org.lmx.routes.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encryption at rest of what carries personal data (the signed documents and the attachments): AES-256-GCM with a
 * fresh 96-bit nonce per value, under the current data key; each stored value names the key it was sealed with, so
 * that after a rotation the previous keys still open the older rows. Stored form:
 * {@code 00 'LMXE' 01 | key id length | key id (ASCII) | nonce (12) | ciphertext and tag (16)}, the part before the
 * nonce authenticated with it. A value without that prefix was stored before encryption was turned on, and is
 * read as it is. Digests (the hash chain, receipts) are always of the plaintext.
 */
public final class DataCipher {

    /** No key: values are stored and read as they are. */
    public static final DataCipher NONE = new DataCipher(null, Map.of());

    private static final byte[] MAGIC = {0, 'L', 'M', 'X', 'E', 1};
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A 256-bit AES key and the id every value sealed with it carries. */
    public record DataKey(String id, SecretKey key) {

        public DataKey {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a data key id is 1 to 32 of A-Z a-z 0-9 . _ - : " + id);
            }
            if (key.getEncoded().length != 32) {
                throw new IllegalArgumentException("data key " + id + " is not 256 bits");
            }
        }

        /** {@code id:base64-of-32-bytes}, as in {@code LMX_DATA_KEY}. */
        public static DataKey parse(String text) {
            int colon = text.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("a data key is written id:base64 (e.g. 2026-1:" + "<44 base64 characters>)");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(text.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("data key " + text.substring(0, colon) + " is not base64");
            }
            return new DataKey(text.substring(0, colon).trim(), new SecretKeySpec(key, "AES"));
        }
    }

    private final DataKey current;
    private final Map<String, DataKey> keys;

    private DataCipher(DataKey current, Map<String, DataKey> keys) {
        this.current = current;
        this.keys = keys;
    }

    /** New values sealed with {@code current}; values sealed with it or any of {@code previous} opened. */
    public static DataCipher of(DataKey current, List<DataKey> previous) {
        Map<String, DataKey> keys = new LinkedHashMap<>();
        keys.put(current.id(), current);
        for (DataKey key : previous) {
            if (keys.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("two data keys with the id " + key.id());
            }
        }
        return new DataCipher(current, Map.copyOf(keys));
    }

    public boolean encrypts() {
        return current != null;
    }

    /** The id new values are sealed with, if any. */
    public Optional<String> currentKeyId() {
        return Optional.ofNullable(current).map(DataKey::id);
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    /** {@code plain} as it is to be stored (null stays null). */
    public byte[] seal(byte[] plain) {
        if (plain == null || current == null) {
            return plain;
        }
        byte[] prefix = prefix(current.id());
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(prefix);
            byte[] sealed = cipher.doFinal(plain);
            byte[] stored = Arrays.copyOf(prefix, prefix.length + NONCE + sealed.length);
            System.arraycopy(nonce, 0, stored, prefix.length, NONCE);
            System.arraycopy(sealed, 0, stored, prefix.length + NONCE, sealed.length);
            return stored;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt with data key " + current.id(), e);
        }
    }

    /**
     * The plaintext of a stored value (null stays null; a value stored unencrypted comes back as it is).
     *
     * @throws IllegalStateException if its key is not given, or it was altered
     */
    public byte[] open(byte[] stored) {
        Optional<String> keyId = keyIdOf(stored);
        if (keyId.isEmpty()) {
            return stored;
        }
        DataKey key = keys.get(keyId.get());
        if (key == null) {
            throw new IllegalStateException("a stored value is sealed with data key " + keyId.get()
                    + ", which is not given (LMX_DATA_KEY or LMX_DATA_KEYS_PREVIOUS)");
        }
        int prefix = MAGIC.length + 1 + keyId.get().length();
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, stored, prefix, NONCE));
            cipher.updateAAD(stored, 0, prefix);
            return cipher.doFinal(stored, prefix + NONCE, stored.length - prefix - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored value sealed with data key " + keyId.get()
                    + " does not open: altered, or another key with that id", e);
        }
    }

    /** The id of the key a stored value was sealed with; empty if it is stored unencrypted. */
    public static Optional<String> keyIdOf(byte[] stored) {
        if (stored == null || stored.length < MAGIC.length + 1
                || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return Optional.empty();
        }
        int length = stored[MAGIC.length] & 0xff;
        if (stored.length < MAGIC.length + 1 + length + NONCE) {
            return Optional.empty();
        }
        return Optional.of(new String(stored, MAGIC.length + 1, length, StandardCharsets.US_ASCII));
    }

    private static byte[] prefix(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] prefix = Arrays.copyOf(MAGIC, MAGIC.length + 1 + id.length);
        prefix[MAGIC.length] = (byte) id.length;
        System.arraycopy(id, 0, prefix, MAGIC.length + 1, id.length);
        return prefix;
    }
}
