package org.lmx.connectors.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * The development/partner PKI as a directory, what {@code lmx pki} works on (and what the hub makes on its first
 * start): the hub CA ({@link CertificateAuthority}), its CRL, and for each party {@code <KOR_MOEL>.key.pem},
 * {@code .crt.pem} and {@code .p12}, the PKCS#12 password in {@value #PASSWORD_FILE} (owner-only) and
 * {@value #INDEX_FILE}, a short index of what is where. Development only: whoever reads this directory can sign
 * as any of its parties.
 */
public final class PkiDirectory {

    public static final String INDEX_FILE = "INDEX.md";
    public static final String PASSWORD_FILE = "p12-password.txt";
    public static final Duration DEFAULT_CERTIFICATE_VALIDITY = Duration.ofDays(2 * 365);
    /** A CRL is re-signed at every revocation and by {@code lmx pki crl}; this is how long one stays current. */
    public static final Duration DEFAULT_CRL_VALIDITY = Duration.ofDays(30);

    private static final String KEY_SUFFIX = ".key.pem";
    private static final String CERTIFICATE_SUFFIX = ".crt.pem";
    private static final String PKCS12_SUFFIX = ".p12";

    private final Path dir;
    private final CertificateAuthority ca;

    private PkiDirectory(Path dir, CertificateAuthority ca) {
        this.dir = dir;
        this.ca = ca;
    }

    /** A certificate signed from a CSR, the file it was written to, and the party files it made stale. */
    public record CsrCertificate(X509Certificate certificate, Path file, List<Path> removed) {
    }

    /**
     * Makes the whole development PKI in {@code dir}: the CA, one credential per {@link DemoParties demo party}
     * with the party's algorithm, a fresh PKCS#12 password, the initial (empty) CRL and the index. Refuses a
     * directory that already holds a CA ({@code LMX-PKI-CA-EXISTS}) unless {@code replace}, which first deletes
     * the old CA and every party file.
     */
    public static PkiDirectory init(Path dir, URI crlUrl, boolean replace) throws PkiException {
        if (CertificateAuthority.existsIn(dir)) {
            if (!replace) {
                throw new PkiException(PkiException.CA_EXISTS, dir + " already holds a CA ("
                        + CertificateAuthority.CERTIFICATE_FILE + "); a new one would leave every certificate it "
                        + "issued unverifiable");
            }
            removePki(dir);
        }
        PkiDirectory pki = new PkiDirectory(dir, CertificateAuthority.create(dir, crlUrl));
        AtomicFiles.writeOwnerOnly(pki.passwordFile(), (newPassword() + "\n").getBytes(StandardCharsets.US_ASCII));
        char[] password = pki.pkcs12Password();
        // Key generation is nearly all of init's time; the keys are independent, so make them in parallel.
        List<KeyPair> keyPairs = DemoParties.ALL.parallelStream().map(p -> p.algorithm().generateKeyPair()).toList();
        Instant now = Instant.now();
        for (int i = 0; i < keyPairs.size(); i++) {
            KeyPair keyPair = keyPairs.get(i);
            X509Certificate certificate = pki.ca.certify(DemoParties.ALL.get(i).id(), keyPair.getPublic(),
                    now.minus(CertificateAuthority.BACKDATE), now.plus(DEFAULT_CERTIFICATE_VALIDITY));
            pki.writeCredential(new Credential(keyPair.getPrivate(), certificate,
                    List.of(certificate, pki.ca.certificate())), password);
        }
        pki.ca.publishCrl(Instant.now().plus(DEFAULT_CRL_VALIDITY));
        pki.writeIndex();
        return pki;
    }

    /** The PKI kept in {@code dir} ({@code LMX-PKI-NOT-FOUND} without a CA). */
    public static PkiDirectory open(Path dir) throws PkiException {
        return new PkiDirectory(dir, CertificateAuthority.open(dir));
    }

    public Path dir() {
        return dir;
    }

    public CertificateAuthority ca() {
        return ca;
    }

    public Path caCertificateFile() {
        return dir.resolve(CertificateAuthority.CERTIFICATE_FILE);
    }

    public Path crlFile() {
        return dir.resolve(CertificateAuthority.CRL_FILE);
    }

    public Path passwordFile() {
        return dir.resolve(PASSWORD_FILE);
    }

    public Path indexFile() {
        return dir.resolve(INDEX_FILE);
    }

    /** {@code DIR/KOR_MOEL.key.pem} for {@code KOR:MOEL}. */
    public Path keyFile(String partyId) {
        return dir.resolve(PartyIds.fileName(partyId) + KEY_SUFFIX);
    }

    public Path certificateFile(String partyId) {
        return dir.resolve(PartyIds.fileName(partyId) + CERTIFICATE_SUFFIX);
    }

    public Path pkcs12File(String partyId) {
        return dir.resolve(PartyIds.fileName(partyId) + PKCS12_SUFFIX);
    }

    /** The password of every PKCS#12 file in the directory; a new random one if there is none yet. */
    public char[] pkcs12Password() throws PkiException {
        try {
            return Files.readString(passwordFile(), StandardCharsets.US_ASCII).strip().toCharArray();
        } catch (NoSuchFileException e) {
            String password = newPassword();
            AtomicFiles.writeOwnerOnly(passwordFile(), (password + "\n").getBytes(StandardCharsets.US_ASCII));
            return password.toCharArray();
        } catch (IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "cannot read " + passwordFile() + ": " + e, e);
        }
    }

    /** A new key and certificate for {@code partyId}, written over the party's files; then the index. */
    public Credential issue(String partyId, KeyAlgorithm algorithm, Duration validity) throws PkiException {
        Credential credential = ca.issue(partyId, algorithm, validity);
        writeCredential(credential, pkcs12Password());
        writeIndex();
        return credential;
    }

    /**
     * Certifies a party's own key from its CSR and writes the certificate to {@code out}, or, when {@code out}
     * is null, as the party's current certificate in the directory; the party's key and PKCS#12 files there
     * belong to its previous certificate and are removed.
     */
    public CsrCertificate signCsr(String partyId, PKCS10CertificationRequest csr, Duration validity, Path out)
            throws PkiException {
        X509Certificate certificate = ca.signCsr(csr, partyId, validity);
        List<Path> removed = new ArrayList<>();
        Path file = out == null ? certificateFile(partyId) : out;
        Pem.writeCertificate(file, certificate);
        if (file.toAbsolutePath().normalize().equals(certificateFile(partyId).toAbsolutePath().normalize())) {
            for (Path stale : List.of(keyFile(partyId), pkcs12File(partyId))) {
                try {
                    if (Files.deleteIfExists(stale)) {
                        removed.add(stale);
                    }
                } catch (IOException e) {
                    throw new PkiException(PkiException.IO, "cannot remove " + stale
                            + ", which no longer matches the party's certificate: " + e, e);
                }
            }
            writeIndex();
        }
        return new CsrCertificate(certificate, file, removed);
    }

    /** The party's certificate in the directory, if it has one. */
    /** The signing credential of {@code partyId} (its PEM key and certificate), as the party itself would use it. */
    public Credential credential(String partyId) throws PkiException {
        return Credential.of(Pem.readPrivateKey(keyFile(partyId)), Pem.readCertificates(certificateFile(partyId)));
    }

    public Optional<X509Certificate> currentCertificate(String partyId) throws PkiException {
        Path file = certificateFile(partyId);
        return Files.exists(file) ? Optional.of(Pem.readCertificate(file)) : Optional.empty();
    }

    /** Revokes the party's current certificate, re-publishes the CRL and updates the index. */
    public Revocation revoke(String partyId, RevocationReason reason) throws PkiException {
        X509Certificate certificate = currentCertificate(partyId).orElseThrow(() -> new PkiException(
                PkiException.NOT_FOUND, "no certificate of " + partyId + " in " + dir + " (" + certificateFile(partyId)
                + ")"));
        return published(ca.revoke(certificate, reason));
    }

    /** Revokes any certificate the CA issued (an earlier one of a party, or one written elsewhere). */
    public Revocation revoke(BigInteger serial, RevocationReason reason) throws PkiException {
        return published(ca.revoke(serial, reason));
    }

    /** Re-signs the CRL ({@value CertificateAuthority#CRL_FILE}), current for {@code validity}. */
    public X509CRL publishCrl(Duration validity) throws PkiException {
        return ca.publishCrl(Instant.now().plus(validity));
    }

    /** Party ids with a certificate file in the directory: the demo parties in their order, then others by id. */
    public List<String> parties() throws PkiException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith(CERTIFICATE_SUFFIX) && !name.equals(CertificateAuthority.CERTIFICATE_FILE))
                    .map(name -> PartyIds.fromFileName(name.substring(0, name.length() - CERTIFICATE_SUFFIX.length())))
                    .flatMap(Optional::stream)
                    .sorted(Comparator.comparing((String id) -> {
                        int demo = DemoParties.ids().indexOf(id);
                        return demo < 0 ? Integer.MAX_VALUE : demo;
                    }).thenComparing(id -> id))
                    .toList();
        } catch (IOException e) {
            throw new PkiException(PkiException.UNREADABLE, "cannot list " + dir + ": " + e, e);
        }
    }

    /** Rewrites {@value #INDEX_FILE} from what the directory holds. */
    public void writeIndex() throws PkiException {
        AtomicFiles.write(indexFile(), PkiIndex.render(this).getBytes(StandardCharsets.UTF_8));
    }

    private Revocation published(Revocation revocation) throws PkiException {
        publishCrl(DEFAULT_CRL_VALIDITY);
        writeIndex();
        return revocation;
    }

    private void writeCredential(Credential credential, char[] password) throws PkiException {
        String party = credential.party().orElseThrow();
        Pem.writePrivateKey(keyFile(party), credential.privateKey());
        Pem.writeCertificate(certificateFile(party), credential.certificate());
        Pkcs12.write(pkcs12File(party), credential, password);
    }

    /** Removes the CA and everything made from it, so that no file of the old PKI survives a re-init. */
    private static void removePki(Path dir) throws PkiException {
        CertificateAuthority.removeFrom(dir);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean partyFile = Stream.of(KEY_SUFFIX, CERTIFICATE_SUFFIX, PKCS12_SUFFIX).anyMatch(suffix ->
                        name.endsWith(suffix)
                                && PartyIds.fromFileName(name.substring(0, name.length() - suffix.length())).isPresent());
                if (partyFile || name.equals(INDEX_FILE) || name.equals(PASSWORD_FILE)) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new PkiException(PkiException.IO, "cannot remove the old PKI in " + dir + ": " + e, e);
        }
    }

    private static String newPassword() {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
