package org.lmx.hub.it;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS keys made at test time: a CA the hub's trust store holds, the hub's server certificate for 127.0.0.1 and
 * partners' client certificates, as PKCS#12 files for {@code server.ssl.*} and as SSL contexts for clients.
 */
final class TlsMaterial {

    static final String PASSWORD = "tls-test-password";
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A key and its certificate chain (leaf first). */
    record Key(KeyPair pair, X509Certificate certificate, X509Certificate issuer) {

        /** The SHA-256 of the certificate's DER encoding, lower-case hex (as an agreement pins it). */
        String sha256() throws Exception {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        }
    }

    private final Key ca;

    TlsMaterial() throws Exception {
        KeyPair pair = ecKey();
        X500Principal name = new X500Principal("CN=LMX test TLS CA");
        X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(name, serial(), from(), to(), name, pair.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true)), pair);
        this.ca = new Key(pair, certificate, certificate);
    }

    /** A server certificate for the loopback address. */
    Key server() throws Exception {
        return issue("CN=127.0.0.1", new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    }

    Key client(String commonName) throws Exception {
        return issue("CN=" + commonName, null);
    }

    private Key issue(String subject, GeneralNames altNames) throws Exception {
        KeyPair pair = ecKey();
        org.bouncycastle.cert.X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial(),
                from(), to(), new X500Principal(subject), pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        if (altNames != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, altNames);
        }
        return new Key(pair, sign(builder, ca.pair()), ca.certificate());
    }

    /** A PKCS#12 key store with {@code key} (alias {@code lmx}). */
    Path keyStore(Path file, Key key) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("lmx", key.pair().getPrivate(), PASSWORD.toCharArray(),
                new Certificate[] {key.certificate(), key.issuer()});
        return write(file, store);
    }

    /** A PKCS#12 trust store with this CA. */
    Path trustStore(Path file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("lmx-test-ca", ca.certificate());
        return write(file, store);
    }

    /** A client's SSL context trusting this CA, presenting {@code key} (or no certificate: null). */
    SSLContext context(Key key) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("lmx-test-ca", ca.certificate());
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (key != null) {
            keys.setKeyEntry("client", key.pair().getPrivate(), PASSWORD.toCharArray(),
                    new Certificate[] {key.certificate(), key.issuer()});
        }
        keyManagers.init(keys, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        return context;
    }

    private static Path write(Path file, KeyStore store) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, KeyPair issuer) throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static Date from() {
        return Date.from(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Date to() {
        return Date.from(Instant.now().plus(Duration.ofDays(30)));
    }
}
