package org.lmx.connectors.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The key and certificate a party signs with, and the certificate's chain: {@code chain} starts with
 * {@code certificate} and continues with its issuers (as in a PKCS#12 file), so a signer can put the whole
 * chain in KeyInfo and a verifier can build the path.
 */
public record Credential(PrivateKey privateKey, X509Certificate certificate, List<X509Certificate> chain) {

    private static final byte[] CHALLENGE = "LMX key pairing check".getBytes(StandardCharsets.US_ASCII);

    /** @param chain the certificate and its issuers; empty means the certificate alone */
    public Credential {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        chain = chain == null || chain.isEmpty() ? List.of(certificate) : List.copyOf(chain);
        if (!chain.get(0).equals(certificate)) {
            throw new IllegalArgumentException("a credential's chain must start with its own certificate");
        }
    }

    /**
     * A credential from a key and a chain read from files, checking that the key belongs to the first
     * certificate: a mismatch would only show later as signatures that no one can verify.
     */
    public static Credential of(PrivateKey privateKey, List<X509Certificate> chain) throws PkiException {
        if (chain.isEmpty()) {
            throw new PkiException(PkiException.NOT_FOUND, "no certificate for the private key");
        }
        X509Certificate certificate = chain.get(0);
        if (!matches(privateKey, certificate)) {
            throw new PkiException(PkiException.KEY_MISMATCH, "the private key does not belong to the certificate "
                    + certificate.getSubjectX500Principal().getName() + " (serial "
                    + CertificateAuthority.serialHex(certificate.getSerialNumber()) + ")");
        }
        return new Credential(privateKey, certificate, chain);
    }

    /** The party in the certificate's subjectAltName, if it names exactly one. */
    public Optional<String> party() {
        return PartyIds.partyOf(certificate);
    }

    /** Signs a fixed challenge and verifies it with the certificate's key: the only test that works for every key type. */
    static boolean matches(PrivateKey privateKey, X509Certificate certificate) throws PkiException {
        if (!privateKey.getAlgorithm().equals(certificate.getPublicKey().getAlgorithm())) {
            return false;
        }
        String algorithm = KeyAlgorithm.signatureAlgorithmFor(privateKey);
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(privateKey);
            signer.update(CHALLENGE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(CHALLENGE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // An EC key on another curve than the certificate's fails here rather than verifying false.
            return false;
        }
    }
}
