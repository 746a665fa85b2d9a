package org.lmx.connectors.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A credential as a PKCS#12 file (one key, its certificate and chain, one password for the file and the key,
 * as openssl and Windows expect). Written with the JDK's PKCS#12 defaults (AES-256 and PBKDF2 with
 * HMAC-SHA256), which openssl 3 and current JDKs read.
 */
public final class Pkcs12 {

    private Pkcs12() {
    }

    /** The file's bytes; the key's alias (friendly name) is {@code alias}. */
    public static byte[] toBytes(Credential credential, char[] password, String alias) throws PkiException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, credential.privateKey(), password,
                    credential.chain().toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            store.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(PkiException.CRYPTO, "cannot make a PKCS#12 file: " + e.getMessage(), e);
        }
    }

    /**
     * Writes an owner-only file whose alias is the certificate's party id (or {@code lmx} without one); the
     * JDK's PKCS#12 keystore stores aliases in lower case ({@code kor:moel}).
     */
    public static void write(Path file, Credential credential, char[] password) throws PkiException {
        AtomicFiles.writeOwnerOnly(file, toBytes(credential, password, credential.party().orElse("lmx")));
    }

    public static Credential read(Path file, char[] password) throws PkiException {
        try {
            return read(Files.readAllBytes(file), password, file.toString());
        } catch (NoSuchFileException e) {
            throw new PkiException(PkiException.NOT_FOUND, "no file " + file, e);
        } catch (IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "cannot read " + file + ": " + e, e);
        }
    }

    /** Reads a PKCS#12 that holds exactly one private key; {@code source} names it in error messages. */
    public static Credential read(byte[] bytes, char[] password, String source) throws PkiException {
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(bytes), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new PkiException(PkiException.BAD_PASSWORD, source + " does not open with this password", e);
            }
            throw new PkiException(PkiException.UNREADABLE, source + " is not a readable PKCS#12 file: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.UNREADABLE, source + " is not a readable PKCS#12 file: " + e.getMessage(), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new PkiException(PkiException.UNREADABLE, source + " holds " + keyAliases.size()
                        + " private keys; a signing credential file must hold exactly one");
            }
            String alias = keyAliases.get(0);
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new PkiException(PkiException.UNREADABLE, source + " holds a secret key, not a private key");
            }
            Certificate[] chain = store.getCertificateChain(alias);
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain == null ? new Certificate[0] : chain) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new PkiException(PkiException.UNREADABLE, source + " holds a key without its certificate");
            }
            return Credential.of(privateKey, certificates);
        } catch (UnrecoverableKeyException e) {
            throw new PkiException(PkiException.BAD_PASSWORD, "the key in " + source
                    + " does not open with this password (LMX expects one password for the file and the key)", e);
        } catch (GeneralSecurityException e) {
            throw new PkiException(PkiException.UNREADABLE, source + " cannot be read: " + e.getMessage(), e);
        }
    }
}
