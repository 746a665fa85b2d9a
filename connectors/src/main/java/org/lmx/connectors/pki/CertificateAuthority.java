package org.lmx.connectors.pki;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * The hub's certificate authority, kept in a directory so that {@code lmx pki issue} and {@code revoke} work on
 * it later: its key and certificate as PEM ({@value #KEY_FILE}, {@value #CERTIFICATE_FILE}), its state
 * ({@value #STATE_FILE}: CRL URL, next serial, CRL number), its revocation list ({@value #REVOKED_FILE}) and a
 * copy of every certificate it issued ({@value #ISSUED_DIR}/SERIAL.crt.pem), so that a revocation names a
 * certificate that really was issued here. Changes take a lock on the directory, so two {@code lmx pki}
 * commands at once cannot hand out one serial twice.
 *
 * <p>Party certificates bind one party: subject {@code CN=<party id>, C=<country>}, the subjectAltName URI
 * {@code urn:lmx:party:<id>}, key usage digitalSignature and nonRepudiation only, a CRL distribution point.
 */
public final class CertificateAuthority {

    public static final String CERTIFICATE_FILE = "hub-ca.crt.pem";
    public static final String KEY_FILE = "hub-ca.key.pem";
    public static final String CRL_FILE = "hub-ca.crl.pem";
    public static final String STATE_FILE = "hub-ca.properties";
    public static final String REVOKED_FILE = "hub-ca.revoked.txt";
    public static final String ISSUED_DIR = "hub-ca.issued";
    private static final String LOCK_FILE = "hub-ca.lock";

    public static final String DEFAULT_SUBJECT =
            "CN=LMX Hub Development CA, O=Ministry of Labour and Social Protection, C=KZ";
    /** Where the hub serves its CRL in the default configuration. */
    public static final URI DEFAULT_CRL_URL = URI.create("http://localhost:8080/pki/crl/hub-ca.crl");
    public static final KeyAlgorithm DEFAULT_KEY_ALGORITHM = KeyAlgorithm.RSA_3072;
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(10 * 365);

    /**
     * Validity starts a little before "now": a certificate used at once must not be "not yet valid" to a
     * verifier whose clock runs a few minutes behind the CA's.
     */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final BigInteger CA_SERIAL = BigInteger.ONE;
    // FileChannel.lock is per process; this keeps two threads of one JVM apart as well.
    private static final Object JVM_LOCK = new Object();

    private final Path dir;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final URI crlUrl;

    private CertificateAuthority(Path dir, PrivateKey key, X509Certificate certificate, URI crlUrl) {
        this.dir = dir;
        this.key = key;
        this.certificate = certificate;
        this.crlUrl = crlUrl;
    }

    // ---- creating and opening ----

    /** Whether {@code dir} already holds a CA, or what is left of one (its key, certificate or state). */
    public static boolean existsIn(Path dir) {
        return Files.exists(dir.resolve(KEY_FILE)) || Files.exists(dir.resolve(CERTIFICATE_FILE))
                || Files.exists(dir.resolve(STATE_FILE));
    }

    /** A new CA with the defaults: {@value #DEFAULT_SUBJECT}, RSA 3072, ten years. */
    public static CertificateAuthority create(Path dir, URI crlUrl) throws PkiException {
        Instant now = Instant.now();
        return create(dir, DEFAULT_SUBJECT, DEFAULT_KEY_ALGORITHM, now.minus(BACKDATE), now.plus(DEFAULT_VALIDITY), crlUrl);
    }

    /**
     * A new self-signed CA in {@code dir}; refuses ({@code LMX-PKI-CA-EXISTS}) if the directory holds one. The
     * validity can lie in the past, for tests that check evidence at an earlier validation time.
     *
     * @param subject an RFC 2253 distinguished name, most specific first ({@code CN=..., O=..., C=KZ})
     * @param crlUrl the CRL distribution point written into every certificate this CA issues
     */
    public static CertificateAuthority create(Path dir, String subject, KeyAlgorithm keyAlgorithm, Instant notBefore,
            Instant notAfter, URI crlUrl) throws PkiException {
        requireCrlUrl(crlUrl);
        requireOrdered(notBefore, notAfter);
        X500Principal name;
        try {
            name = new X500Principal(subject);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + subject + "' is not a distinguished name: " + e.getMessage(), e);
        }
        synchronized (JVM_LOCK) {
            if (existsIn(dir)) {
                throw new PkiException(PkiException.CA_EXISTS, dir + " already holds a CA (" + CERTIFICATE_FILE
                        + "); remove it first to make a new one");
            }
            KeyPair keyPair = keyAlgorithm.generateKeyPair();
            X509Certificate certificate;
            try {
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, CA_SERIAL,
                        Date.from(notBefore), Date.from(notAfter), name, keyPair.getPublic());
                // pathLen 0: this CA signs party certificates only, never another CA.
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                builder.addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(keyPair.getPublic()));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        extensions.createAuthorityKeyIdentifier(keyPair.getPublic()));
                certificate = sign(builder, keyPair.getPrivate());
            } catch (GeneralSecurityException | CertIOException e) {
                throw new PkiException(PkiException.CRYPTO, "cannot make the CA certificate: " + e.getMessage(), e);
            }
            CertificateAuthority ca = new CertificateAuthority(dir, keyPair.getPrivate(), certificate, crlUrl);
            Pem.writePrivateKey(dir.resolve(KEY_FILE), keyPair.getPrivate());
            Pem.writeCertificate(dir.resolve(CERTIFICATE_FILE), certificate);
            ca.writeState(new State(CA_SERIAL.add(BigInteger.ONE), BigInteger.ONE));
            AtomicFiles.write(dir.resolve(REVOKED_FILE), revokedFile(List.of()));
            return ca;
        }
    }

    /** The CA kept in {@code dir} by {@link #create}. */
    public static CertificateAuthority open(Path dir) throws PkiException {
        if (!Files.exists(dir.resolve(CERTIFICATE_FILE))) {
            throw new PkiException(PkiException.NOT_FOUND, "no CA in " + dir + " (no " + CERTIFICATE_FILE
                    + "); make one with: lmx pki init --dir " + dir);
        }
        X509Certificate certificate = Pem.readCertificate(dir.resolve(CERTIFICATE_FILE));
        PrivateKey key = Pem.readPrivateKey(dir.resolve(KEY_FILE));
        if (!Credential.matches(key, certificate)) {
            throw new PkiException(PkiException.KEY_MISMATCH, dir.resolve(KEY_FILE) + " is not the key of "
                    + dir.resolve(CERTIFICATE_FILE));
        }
        Properties state = readProperties(dir.resolve(STATE_FILE));
        URI crlUrl;
        try {
            crlUrl = URI.create(state.getProperty("crl.url", ""));
            requireCrlUrl(crlUrl);
        } catch (IllegalArgumentException e) {
            throw new PkiException(PkiException.UNREADABLE, dir.resolve(STATE_FILE) + " has no valid crl.url", e);
        }
        return new CertificateAuthority(dir, key, certificate, crlUrl);
    }

    /** Deletes the CA kept in {@code dir} (key, certificate, CRL, state, revocations, issued copies). */
    public static void removeFrom(Path dir) throws PkiException {
        synchronized (JVM_LOCK) {
            try {
                for (String file : List.of(KEY_FILE, CERTIFICATE_FILE, CRL_FILE, STATE_FILE, REVOKED_FILE, LOCK_FILE)) {
                    Files.deleteIfExists(dir.resolve(file));
                }
                Path issued = dir.resolve(ISSUED_DIR);
                if (Files.isDirectory(issued)) {
                    try (Stream<Path> files = Files.walk(issued)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(file);
                        }
                    }
                }
            } catch (IOException e) {
                throw new PkiException(PkiException.IO, "cannot remove the CA in " + dir + ": " + e, e);
            }
        }
    }

    public Path dir() {
        return dir;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The CRL distribution point of the certificates this CA issues. */
    public URI crlUrl() {
        return crlUrl;
    }

    // ---- issuing ----

    /** A new key pair and its certificate for {@code partyId}, valid from now for {@code validity}. */
    public Credential issue(String partyId, KeyAlgorithm algorithm, Duration validity) throws PkiException {
        Instant now = Instant.now();
        return issue(partyId, algorithm, now.minus(BACKDATE), now.plus(requirePositive(validity)));
    }

    /** As {@link #issue(String, KeyAlgorithm, Duration)} with explicit dates (which may lie in the past). */
    public Credential issue(String partyId, KeyAlgorithm algorithm, Instant notBefore, Instant notAfter)
            throws PkiException {
        PartyIds.requireValid(partyId);
        KeyPair keyPair = algorithm.generateKeyPair();
        X509Certificate issued = certify(partyId, keyPair.getPublic(), notBefore, notAfter);
        return new Credential(keyPair.getPrivate(), issued, List.of(issued, certificate));
    }

    /**
     * Certifies the key of a party's CSR. The CSR's signature must verify (the requester holds the key and the
     * request was not altered) and its key must be RSA 2048+ or EC P-256+. The CSR's subject is ignored: the CA,
     * not the requester, decides which party a key speaks for.
     */
    public X509Certificate signCsr(PKCS10CertificationRequest csr, String partyId, Duration validity)
            throws PkiException {
        Instant now = Instant.now();
        return signCsr(csr, partyId, now.minus(BACKDATE), now.plus(requirePositive(validity)));
    }

    public X509Certificate signCsr(PKCS10CertificationRequest csr, String partyId, Instant notBefore,
            Instant notAfter) throws PkiException {
        PartyIds.requireValid(partyId);
        SubjectPublicKeyInfo keyInfo = csr.getSubjectPublicKeyInfo();
        PublicKey publicKey;
        try {
            publicKey = publicKey(keyInfo);
        } catch (PkiException e) {
            // A key the JDK cannot load: if LMX would refuse it anyway, that is the better reason.
            KeyStrength.requireAcceptable(keyInfo);
            throw e;
        }
        boolean valid;
        try {
            valid = csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey));
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            // The JDK refuses to verify with some keys (small curves): their weakness is the better reason.
            KeyStrength.requireAcceptable(keyInfo);
            throw new PkiException(PkiException.CSR_SIGNATURE, "the CSR's signature cannot be checked: "
                    + e.getMessage(), e);
        }
        if (!valid) {
            throw new PkiException(PkiException.CSR_SIGNATURE, "the CSR's signature does not verify with the key it "
                    + "carries: the request was altered or was not made with that key");
        }
        return certify(partyId, publicKey, notBefore, notAfter);
    }

    /** The certificate of {@code partyId} for a key the party already holds. */
    public X509Certificate certify(String partyId, PublicKey publicKey, Instant notBefore, Instant notAfter)
            throws PkiException {
        PartyIds.requireValid(partyId);
        KeyStrength.requireAcceptable(publicKey);
        requireOrdered(notBefore, notAfter);
        if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
            throw new PkiException(PkiException.INVALID_VALIDITY, "a certificate valid until " + notAfter
                    + " would outlive the CA, valid until " + certificate.getNotAfter().toInstant());
        }
        return locked(() -> {
            State state = readState();
            BigInteger serial = state.nextSerial();
            writeState(new State(serial.add(BigInteger.ONE), state.crlNumber()));
            X509Certificate issued;
            try {
                JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial,
                        Date.from(notBefore), Date.from(notAfter), partySubject(partyId), publicKey);
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                // Signing documents only: nonRepudiation because receipts and decisions are evidence.
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, PartyIds.uri(partyId))));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(new GeneralNames(
                                new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl.toString()))), null, null)}));
                builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier());
                issued = sign(builder, key);
            } catch (GeneralSecurityException | CertIOException e) {
                throw new PkiException(PkiException.CRYPTO, "cannot make the certificate of " + partyId + ": "
                        + e.getMessage(), e);
            }
            Pem.writeCertificate(issuedFile(serial), issued);
            return issued;
        });
    }

    /** A certificate this CA issued, by serial ({@code LMX-PKI-UNKNOWN-CERTIFICATE} for any other). */
    public X509Certificate issuedCertificate(BigInteger serial) throws PkiException {
        if (!Files.exists(issuedFile(serial))) {
            throw new PkiException(PkiException.UNKNOWN_CERTIFICATE, "this CA (" + dir + ") issued no certificate "
                    + "with serial " + serialHex(serial));
        }
        return Pem.readCertificate(issuedFile(serial));
    }

    // ---- revoking ----

    /** Puts a certificate this CA issued on its revocation list; {@link #crl} then lists it. */
    public Revocation revoke(BigInteger serial, RevocationReason reason) throws PkiException {
        return locked(() -> {
            issuedCertificate(serial);
            List<Revocation> revocations = new ArrayList<>(revocations());
            if (revocations.stream().anyMatch(r -> r.serial().equals(serial))) {
                throw new PkiException(PkiException.ALREADY_REVOKED, "the certificate with serial " + serialHex(serial)
                        + " is already revoked");
            }
            Revocation revocation = new Revocation(serial, Instant.now(), reason);
            revocations.add(revocation);
            AtomicFiles.write(dir.resolve(REVOKED_FILE), revokedFile(revocations));
            return revocation;
        });
    }

    /** Revokes {@code issued}, which must carry this CA's name and signature. */
    public Revocation revoke(X509Certificate issued, RevocationReason reason) throws PkiException {
        boolean ours = issued.getIssuerX500Principal().equals(certificate.getSubjectX500Principal());
        if (ours) {
            try {
                issued.verify(certificate.getPublicKey());
            } catch (GeneralSecurityException e) {
                ours = false;
            }
        }
        if (!ours) {
            throw new PkiException(PkiException.UNKNOWN_CERTIFICATE, "the certificate "
                    + issued.getSubjectX500Principal().getName() + " was not issued by this CA ("
                    + certificate.getSubjectX500Principal().getName() + ")");
        }
        return revoke(issued.getSerialNumber(), reason);
    }

    /** Every revocation so far, oldest first. */
    public List<Revocation> revocations() throws PkiException {
        Path file = dir.resolve(REVOKED_FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "cannot read " + file + ": " + e, e);
        }
        List<Revocation> revocations = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            try {
                revocations.add(new Revocation(parseSerial(fields[0]), Instant.parse(fields[1]),
                        RevocationReason.fromRfcName(fields[2])));
            } catch (RuntimeException e) {
                throw new PkiException(PkiException.UNREADABLE, file + " has an unreadable line: " + line, e);
            }
        }
        return List.copyOf(revocations);
    }

    /** A CRL signed by this CA listing every revoked serial, issued now and due for renewal at {@code nextUpdate}. */
    public X509CRL crl(Instant nextUpdate) throws PkiException {
        Instant now = Instant.now();
        if (!nextUpdate.isAfter(now)) {
            throw new PkiException(PkiException.INVALID_VALIDITY, "a CRL's next update (" + nextUpdate
                    + ") must lie in the future");
        }
        return locked(() -> {
            State state = readState();
            writeState(new State(state.nextSerial(), state.crlNumber().add(BigInteger.ONE)));
            try {
                X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate.getSubjectX500Principal(), Date.from(now));
                builder.setNextUpdate(Date.from(nextUpdate));
                for (Revocation revocation : revocations()) {
                    // BC leaves out the reason code for "unspecified", as RFC 5280 asks.
                    builder.addCRLEntry(revocation.serial(), Date.from(revocation.revokedAt()), revocation.reason().code());
                }
                builder.addExtension(Extension.authorityKeyIdentifier, false, authorityKeyIdentifier());
                // RFC 5280 requires a CRL number, increasing, so a relying party can tell the newer of two CRLs.
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(state.crlNumber()));
                return new JcaX509CRLConverter().getCRL(builder.build(signer(key)));
            } catch (GeneralSecurityException | CertIOException e) {
                throw new PkiException(PkiException.CRYPTO, "cannot make the CRL: " + e.getMessage(), e);
            }
        });
    }

    /** Makes a {@link #crl} and writes it to {@value #CRL_FILE} in the CA's directory. */
    public X509CRL publishCrl(Instant nextUpdate) throws PkiException {
        X509CRL crl = crl(nextUpdate);
        Pem.writeCrl(dir.resolve(CRL_FILE), crl);
        return crl;
    }

    /** Returns {@code crlUrl} if it can be a CRL distribution point: an absolute http, https or ldap URL. */
    public static URI requireCrlUrl(URI crlUrl) {
        String scheme = crlUrl == null ? null : crlUrl.getScheme();
        if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("ldap"))
                || crlUrl.getHost() == null) {
            throw new IllegalArgumentException("'" + crlUrl + "' is not a CRL URL: expected an absolute http, https "
                    + "or ldap URL such as " + DEFAULT_CRL_URL);
        }
        return crlUrl;
    }

    // ---- serial numbers ----

    /** A serial as openssl prints it: upper-case hex, an even number of digits ({@code 0A}). */
    public static String serialHex(BigInteger serial) {
        String hex = serial.toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }

    /** A serial in hex, with or without {@code 0x} and openssl's colons ({@code 0A}, {@code 0x0a}, {@code 01:0A}). */
    public static BigInteger parseSerial(String hex) {
        String digits = hex.trim().replace(":", "");
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
        }
        if (!digits.matches("[0-9A-Fa-f]{1,64}")) {
            throw new IllegalArgumentException("'" + hex + "' is not a serial number in hex, e.g. 0A");
        }
        return new BigInteger(digits, 16);
    }

    // ---- internals ----

    private record State(BigInteger nextSerial, BigInteger crlNumber) {
    }

    private interface Locked<T> {
        T run() throws PkiException;
    }

    private <T> T locked(Locked<T> action) throws PkiException {
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return action.run();
            } catch (IOException e) {
                throw new PkiException(PkiException.IO, "cannot lock the CA directory " + dir + ": " + e, e);
            }
        }
    }

    private State readState() throws PkiException {
        Properties state = readProperties(dir.resolve(STATE_FILE));
        try {
            return new State(parseSerial(state.getProperty("serial.next", "")),
                    new BigInteger(state.getProperty("crl.number", "").trim()));
        } catch (IllegalArgumentException e) {
            throw new PkiException(PkiException.UNREADABLE, dir.resolve(STATE_FILE)
                    + " has no valid serial.next or crl.number", e);
        }
    }

    private void writeState(State state) throws PkiException {
        // Written by hand rather than by Properties.store, which would escape every ':' of the URL.
        String text = "# The LMX hub CA's state, kept by lmx pki: do not edit.\n"
                + "crl.url=" + crlUrl + "\n"
                + "serial.next=" + serialHex(state.nextSerial()) + "\n"
                + "crl.number=" + state.crlNumber() + "\n";
        AtomicFiles.write(dir.resolve(STATE_FILE), text.getBytes(StandardCharsets.UTF_8));
    }

    private static Properties readProperties(Path file) throws PkiException {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            throw new PkiException(PkiException.NOT_FOUND, "the CA's state file " + file + " is missing", e);
        } catch (IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "cannot read " + file + ": " + e, e);
        }
        return properties;
    }

    private static byte[] revokedFile(List<Revocation> revocations) {
        StringBuilder text = new StringBuilder("# Certificates revoked by the LMX hub CA: serial, time, reason. "
                + "Kept by lmx pki revoke; do not edit.\n");
        for (Revocation r : revocations) {
            text.append(serialHex(r.serial())).append(' ').append(r.revokedAt()).append(' ')
                    .append(r.reason().rfcName()).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Path issuedFile(BigInteger serial) {
        return dir.resolve(ISSUED_DIR).resolve(serialHex(serial) + ".crt.pem");
    }

    /** The AKI of what this CA signs is its own SKI, so that a verifier finds the CA by key, not only by name. */
    private AuthorityKeyIdentifier authorityKeyIdentifier() throws GeneralSecurityException {
        byte[] ski = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (ski != null) {
            byte[] keyId = ASN1OctetString.getInstance(ASN1OctetString.getInstance(ski).getOctets()).getOctets();
            return new AuthorityKeyIdentifier(keyId);
        }
        return new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(certificate.getPublicKey());
    }

    private static X500Principal partySubject(String partyId) {
        // CN is the party id; C is alpha-2 (X.509's countryName), left out for a country the JDK does not know.
        return new X500Principal(PartyIds.countryAlpha2(partyId).map(c -> "CN=" + partyId + ", C=" + c)
                .orElse("CN=" + partyId));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer(signingKey)));
    }

    private static ContentSigner signer(PrivateKey signingKey) throws GeneralSecurityException {
        try {
            return new JcaContentSignerBuilder(KeyAlgorithm.signatureAlgorithmFor(signingKey)).build(signingKey);
        } catch (OperatorCreationException | PkiException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    private static PublicKey publicKey(SubjectPublicKeyInfo info) throws PkiException {
        ASN1ObjectIdentifier algorithm = info.getAlgorithm().getAlgorithm();
        String jcaName = algorithm.equals(PKCSObjectIdentifiers.rsaEncryption) ? "RSA"
                : algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey) ? "EC" : null;
        if (jcaName == null) {
            throw new PkiException(PkiException.UNSUPPORTED_KEY, "the CSR's key of algorithm " + algorithm.getId()
                    + " cannot sign for LMX: only RSA and EC keys can");
        }
        try {
            return KeyFactory.getInstance(jcaName).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException | IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "the CSR's public key cannot be read: " + e.getMessage(), e);
        }
    }

    private static void requireOrdered(Instant notBefore, Instant notAfter) throws PkiException {
        if (!notAfter.isAfter(notBefore)) {
            throw new PkiException(PkiException.INVALID_VALIDITY, "a validity ending at " + notAfter
                    + " does not end after it starts (" + notBefore + ")");
        }
    }

    private static Duration requirePositive(Duration validity) throws PkiException {
        if (validity.isNegative() || validity.isZero()) {
            throw new PkiException(PkiException.INVALID_VALIDITY, "a validity of " + validity + " is not positive");
        }
        return validity;
    }
}
