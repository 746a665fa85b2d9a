package org.lmx.connectors.pki;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CRLException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.X509TrustedCertificateBlock;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM files as openssl, xmlsec1 and the JDK exchange them: certificates (one or many per file), private keys
 * (written as PKCS#8 {@code PRIVATE KEY}; read also as openssl's PKCS#1 {@code RSA PRIVATE KEY} and SEC1
 * {@code EC PRIVATE KEY}), CRLs and CSRs. A reader takes the objects it wants from a file and skips the others,
 * so a file holding a key and its certificate serves both.
 */
public final class Pem {

    private Pem() {
    }

    // ---- writing ----

    public static String toPem(X509Certificate... certificates) throws PkiException {
        return toPem(List.of(certificates));
    }

    public static String toPem(List<X509Certificate> certificates) throws PkiException {
        List<PemObject> objects = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            try {
                objects.add(new PemObject("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new PkiException(PkiException.CRYPTO, "cannot encode certificate "
                        + certificate.getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
            }
        }
        return encode(objects);
    }

    /** PKCS#8 ({@code BEGIN PRIVATE KEY}), unencrypted: the file's permissions protect it. */
    public static String toPem(PrivateKey key) {
        return encode(List.of(new PemObject("PRIVATE KEY", key.getEncoded())));
    }

    public static String toPem(X509CRL crl) throws PkiException {
        try {
            return encode(List.of(new PemObject("X509 CRL", crl.getEncoded())));
        } catch (CRLException e) {
            throw new PkiException(PkiException.CRYPTO, "cannot encode the CRL: " + e.getMessage(), e);
        }
    }

    public static String toPem(PKCS10CertificationRequest csr) {
        try {
            return encode(List.of(new PemObject("CERTIFICATE REQUEST", csr.getEncoded())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws PkiException {
        AtomicFiles.write(file, ascii(toPem(certificates)));
    }

    public static void writeCertificate(Path file, X509Certificate certificate) throws PkiException {
        writeCertificates(file, List.of(certificate));
    }

    /** Writes the key readable by its owner only (where the file system has POSIX permissions). */
    public static void writePrivateKey(Path file, PrivateKey key) throws PkiException {
        AtomicFiles.writeOwnerOnly(file, ascii(toPem(key)));
    }

    public static void writeCrl(Path file, X509CRL crl) throws PkiException {
        AtomicFiles.write(file, ascii(toPem(crl)));
    }

    public static void writeCsr(Path file, PKCS10CertificationRequest csr) throws PkiException {
        AtomicFiles.write(file, ascii(toPem(csr)));
    }

    // ---- reading ----

    /** Every certificate in the file, in file order (a chain file starts with its end-entity certificate). */
    public static List<X509Certificate> readCertificates(Path file) throws PkiException {
        return certificates(parse(read(file), file.toString()), file.toString());
    }

    /** The first certificate in the file (the end-entity certificate of a chain file). */
    public static X509Certificate readCertificate(Path file) throws PkiException {
        return readCertificates(file).get(0);
    }

    public static PrivateKey readPrivateKey(Path file) throws PkiException {
        return privateKey(parse(read(file), file.toString()), file.toString());
    }

    public static X509CRL readCrl(Path file) throws PkiException {
        return crl(parse(read(file), file.toString()), file.toString());
    }

    public static PKCS10CertificationRequest readCsr(Path file) throws PkiException {
        return csr(parse(read(file), file.toString()), file.toString());
    }

    public static List<X509Certificate> parseCertificates(String pem) throws PkiException {
        return certificates(parse(pem, "the PEM text"), "the PEM text");
    }

    public static PrivateKey parsePrivateKey(String pem) throws PkiException {
        return privateKey(parse(pem, "the PEM text"), "the PEM text");
    }

    public static X509CRL parseCrl(String pem) throws PkiException {
        return crl(parse(pem, "the PEM text"), "the PEM text");
    }

    public static PKCS10CertificationRequest parseCsr(String pem) throws PkiException {
        return csr(parse(pem, "the PEM text"), "the PEM text");
    }

    // ---- internals ----

    private static List<X509Certificate> certificates(List<Object> objects, String source) throws PkiException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> certificates = new ArrayList<>();
        for (Object object : objects) {
            X509CertificateHolder holder = object instanceof X509CertificateHolder h ? h
                    : object instanceof X509TrustedCertificateBlock t ? t.getCertificateHolder() : null;
            if (holder != null) {
                try {
                    certificates.add(converter.getCertificate(holder));
                } catch (CertificateException e) {
                    throw unreadable("a certificate in " + source, e);
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new PkiException(PkiException.UNREADABLE, source + " holds no PEM certificate (BEGIN CERTIFICATE)");
        }
        return certificates;
    }

    private static PrivateKey privateKey(List<Object> objects, String source) throws PkiException {
        List<PrivateKeyInfo> keys = new ArrayList<>();
        for (Object object : objects) {
            if (object instanceof PrivateKeyInfo info) {
                keys.add(info);
            } else if (object instanceof PEMKeyPair pair) {
                // PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE KEY" (openssl's traditional formats).
                keys.add(pair.getPrivateKeyInfo());
            } else if (object instanceof PKCS8EncryptedPrivateKeyInfo || object instanceof PEMEncryptedKeyPair) {
                throw new PkiException(PkiException.UNREADABLE, source + " holds an encrypted private key: decrypt it "
                        + "first (openssl pkey -in KEY -out KEY.pem) or use a PKCS#12 file with its password");
            }
        }
        if (keys.size() != 1) {
            throw new PkiException(PkiException.UNREADABLE, keys.isEmpty()
                    ? source + " holds no PEM private key (BEGIN PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)"
                    : source + " holds " + keys.size() + " private keys; a key file must hold one");
        }
        PrivateKeyInfo info = keys.get(0);
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        String jcaName = algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
                : algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : null;
        if (jcaName == null) {
            throw new PkiException(PkiException.UNSUPPORTED_KEY, source + " holds a private key of algorithm "
                    + algorithm.getId() + ": LMX signs with RSA or EC keys only");
        }
        try {
            return KeyFactory.getInstance(jcaName).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw unreadable("the private key in " + source, e);
        }
    }

    private static X509CRL crl(List<Object> objects, String source) throws PkiException {
        for (Object object : objects) {
            if (object instanceof X509CRLHolder holder) {
                try {
                    return new JcaX509CRLConverter().getCRL(holder);
                } catch (CRLException e) {
                    throw unreadable("the CRL in " + source, e);
                }
            }
        }
        throw new PkiException(PkiException.UNREADABLE, source + " holds no PEM CRL (BEGIN X509 CRL)");
    }

    private static PKCS10CertificationRequest csr(List<Object> objects, String source) throws PkiException {
        for (Object object : objects) {
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
        }
        throw new PkiException(PkiException.UNREADABLE, source + " holds no PEM CSR (BEGIN CERTIFICATE REQUEST)");
    }

    private static List<Object> parse(String text, String source) throws PkiException {
        if (!text.contains("-----BEGIN ")) {
            throw new PkiException(PkiException.UNREADABLE, source + " is not PEM (no -----BEGIN line); a DER file "
                    + "converts with openssl, e.g. openssl x509 -inform der -in FILE -out FILE.pem");
        }
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException e) {
            // PEMParser reports bad base64 and bad ASN.1 as IOException or as BC's runtime exceptions.
            throw unreadable(source, e);
        }
        return objects;
    }

    private static String read(Path file) throws PkiException {
        try {
            // ISO-8859-1 reads any bytes, so a binary file gets "not PEM" rather than a charset error.
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            throw new PkiException(PkiException.NOT_FOUND, "no file " + file, e);
        } catch (IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "cannot read " + file + ": " + e, e);
        }
    }

    private static String encode(List<PemObject> objects) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            for (PemObject object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString();
    }

    private static byte[] ascii(String pem) {
        return pem.getBytes(StandardCharsets.US_ASCII);
    }

    private static PkiException unreadable(String what, Exception e) {
        return new PkiException(PkiException.UNREADABLE, what + " cannot be read: " + e.getMessage(), e);
    }
}
