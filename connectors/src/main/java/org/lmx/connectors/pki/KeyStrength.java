package org.lmx.connectors.pki;

import java.security.PublicKey;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Which public keys the LMX PKI certifies: RSA of at least 2048 bits, EC on NIST P-256, P-384 or P-521 (the
 * curves of the signature policy's ECDSA algorithms and of every XMLDSig implementation partners use).
 */
public final class KeyStrength {

    public static final int MIN_RSA_BITS = 2048;

    private static final Map<ASN1ObjectIdentifier, String> ACCEPTED_CURVES = Map.of(
            SECObjectIdentifiers.secp256r1, "P-256",
            SECObjectIdentifiers.secp384r1, "P-384",
            SECObjectIdentifiers.secp521r1, "P-521");

    private KeyStrength() {
    }

    /** Refuses a key weaker than RSA 2048 / EC P-256 ({@code LMX-PKI-WEAK-KEY}) or of another kind. */
    public static void requireAcceptable(SubjectPublicKeyInfo key) throws PkiException {
        describeAcceptable(key);
    }

    public static void requireAcceptable(PublicKey key) throws PkiException {
        requireAcceptable(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
    }

    /** For people: {@code RSA 2048}, {@code EC P-256}; the JCA algorithm name for a key LMX would not certify. */
    public static String describe(PublicKey key) {
        try {
            return describeAcceptable(SubjectPublicKeyInfo.getInstance(key.getEncoded()));
        } catch (PkiException | RuntimeException e) {
            return key.getAlgorithm();
        }
    }

    private static String describeAcceptable(SubjectPublicKeyInfo key) throws PkiException {
        ASN1ObjectIdentifier algorithm = key.getAlgorithm().getAlgorithm();
        try {
            if (algorithm.equals(PKCSObjectIdentifiers.rsaEncryption)) {
                int bits = RSAPublicKey.getInstance(key.parsePublicKey()).getModulus().bitLength();
                if (bits < MIN_RSA_BITS) {
                    throw new PkiException(PkiException.WEAK_KEY,
                            "an RSA key of " + bits + " bits is too weak: LMX requires at least " + MIN_RSA_BITS);
                }
                return "RSA " + bits;
            }
            if (algorithm.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
                return describeCurve(X962Parameters.getInstance(key.getAlgorithm().getParameters()));
            }
        } catch (PkiException e) {
            throw e;
        } catch (Exception e) {
            throw new PkiException(PkiException.UNREADABLE, "the public key cannot be read: " + e.getMessage(), e);
        }
        throw new PkiException(PkiException.UNSUPPORTED_KEY, "a key of algorithm " + algorithm.getId()
                + " cannot sign for LMX: only RSA (2048 bits or more) and EC P-256/P-384/P-521 keys can");
    }

    private static String describeCurve(X962Parameters parameters) throws PkiException {
        if (!parameters.isNamedCurve()) {
            // Explicit curve parameters are how curve-substitution attacks are made; nobody needs them.
            throw new PkiException(PkiException.UNSUPPORTED_KEY,
                    "an EC key with explicit curve parameters is not accepted: use the named curve P-256");
        }
        ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(parameters.getParameters());
        String name = ACCEPTED_CURVES.get(curve);
        if (name != null) {
            return "EC " + name;
        }
        X9ECParameters known = ECNamedCurveTable.getByOID(curve);
        String curveName = ECNamedCurveTable.getName(curve);
        String label = curveName == null ? curve.getId() : curveName;
        if (known != null && known.getCurve().getFieldSize() < 256) {
            throw new PkiException(PkiException.WEAK_KEY, "an EC key on curve " + label + " ("
                    + known.getCurve().getFieldSize() + " bits) is too weak: LMX requires P-256 or stronger");
        }
        throw new PkiException(PkiException.UNSUPPORTED_KEY,
                "an EC key on curve " + label + " is not accepted: use P-256, P-384 or P-521");
    }
}
