package org.lmx.connectors.pki;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of key the LMX PKI generates; each one is accepted by the signature policy (RSA-SHA256, ECDSA-SHA256). */
public enum KeyAlgorithm {

    RSA_2048("rsa2048", "RSA", "RSA 2048"),
    RSA_3072("rsa3072", "RSA", "RSA 3072"),
    EC_P256("ec", "EC", "EC P-256");

    private final String cliName;
    private final String jcaName;
    private final String description;

    KeyAlgorithm(String cliName, String jcaName, String description) {
        this.cliName = cliName;
        this.jcaName = jcaName;
        this.description = description;
    }

    /** The name on the command line: {@code rsa2048}, {@code rsa3072}, {@code ec}. */
    public String cliName() {
        return cliName;
    }

    /** For people: {@code RSA 2048}, {@code EC P-256}. */
    public String description() {
        return description;
    }

    /** The algorithm a key of this kind signs certificates and CRLs with. */
    public String signatureAlgorithm() {
        return jcaName.equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
    }

    /** A fresh key pair from the JDK's providers and their default SecureRandom. */
    public KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName);
            switch (this) {
                case RSA_2048 -> generator.initialize(2048);
                case RSA_3072 -> generator.initialize(3072);
                case EC_P256 -> generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            // Every JDK 17 ships RSA and EC P-256: this is a broken runtime, not a user error.
            throw new IllegalStateException("the JDK cannot generate " + description + " keys", e);
        }
    }

    /** The certificate signature algorithm for an issuer's key of any size: SHA256withRSA or SHA256withECDSA. */
    public static String signatureAlgorithmFor(Key issuerKey) throws PkiException {
        return switch (issuerKey.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new PkiException(PkiException.UNSUPPORTED_KEY,
                    "a " + issuerKey.getAlgorithm() + " key cannot sign for LMX: only RSA and EC keys can");
        };
    }

    /** The algorithm named {@code cliName} on a command line. */
    public static KeyAlgorithm fromCliName(String cliName) {
        return Arrays.stream(values()).filter(a -> a.cliName.equals(cliName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown key algorithm '" + cliName + "': expected one of "
                        + Arrays.stream(values()).map(KeyAlgorithm::cliName).collect(Collectors.joining(", "))));
    }
}
