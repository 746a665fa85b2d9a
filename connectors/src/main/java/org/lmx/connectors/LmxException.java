package org.lmx.connectors;

/**
 * A refusal with a stable code (it goes into REJECTED receipts and exit messages) and a readable reason.
 * Subclasses name the area: XML, signature, PKI.
 */
public abstract class LmxException extends Exception {

    protected LmxException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The stable code, e.g. {@code LMX-SIG-DIGEST-MISMATCH}. */
    public abstract String code();

    @Override
    public String toString() {
        return code() + ": " + getMessage();
    }
}
