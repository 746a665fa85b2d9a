package org.lmx.connectors.pki;

import org.lmx.connectors.LmxException;

/**
 * A PKI operation that could not be done: a file that is missing or unreadable, a CSR whose signature does not
 * verify, a key too weak for LMX, a certificate this CA did not issue. {@link #code()} is stable (scripts and
 * the {@code lmx pki} exit message rely on it); the message says what and why.
 */
public class PkiException extends LmxException {

    /** A file, a CA directory or a party's certificate is not there. */
    public static final String NOT_FOUND = "LMX-PKI-NOT-FOUND";
    /** A file is there but is not what it should be (not PEM, not the expected object, damaged PKCS#12). */
    public static final String UNREADABLE = "LMX-PKI-UNREADABLE";
    /** A PKCS#12 file did not open with the password given. */
    public static final String BAD_PASSWORD = "LMX-PKI-BAD-PASSWORD";
    /** A CSR's own signature does not verify: it was altered, or its requester does not hold the key. */
    public static final String CSR_SIGNATURE = "LMX-PKI-CSR-SIGNATURE";
    /** A key weaker than RSA 2048 or EC P-256. */
    public static final String WEAK_KEY = "LMX-PKI-WEAK-KEY";
    /** A key of a kind the signature policy does not accept (neither RSA nor EC on a NIST prime curve). */
    public static final String UNSUPPORTED_KEY = "LMX-PKI-UNSUPPORTED-KEY";
    /** A private key that does not belong to the certificate it is paired with. */
    public static final String KEY_MISMATCH = "LMX-PKI-KEY-MISMATCH";
    /** A CA already exists where a new one was to be created. */
    public static final String CA_EXISTS = "LMX-PKI-CA-EXISTS";
    /** A serial or certificate that this CA did not issue. */
    public static final String UNKNOWN_CERTIFICATE = "LMX-PKI-UNKNOWN-CERTIFICATE";
    /** A certificate that is already on the CA's revocation list. */
    public static final String ALREADY_REVOKED = "LMX-PKI-ALREADY-REVOKED";
    /** A validity period that ends before it starts or outlives the CA. */
    public static final String INVALID_VALIDITY = "LMX-PKI-INVALID-VALIDITY";
    /** A file could not be written. */
    public static final String IO = "LMX-PKI-IO";
    /** The JDK's cryptography failed where it should not (a missing algorithm, a provider error). */
    public static final String CRYPTO = "LMX-PKI-CRYPTO";

    private final String code;

    public PkiException(String code, String reason, Throwable cause) {
        super(reason, cause);
        this.code = code;
    }

    public PkiException(String code, String reason) {
        this(code, reason, null);
    }

    @Override
    public String code() {
        return code;
    }
}
