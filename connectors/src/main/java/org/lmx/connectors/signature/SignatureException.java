package org.lmx.connectors.signature;

import org.lmx.connectors.LmxException;

/** A signature or its certificate broke a rule: the {@link SignatureError} says which, the message says how. */
public class SignatureException extends LmxException {

    private final SignatureError error;

    public SignatureException(SignatureError error, String reason) {
        this(error, reason, null);
    }

    public SignatureException(SignatureError error, String reason, Throwable cause) {
        super(reason, cause);
        this.error = error;
    }

    public SignatureError error() {
        return error;
    }

    /** The stable code of {@link #error()}. */
    @Override
    public String code() {
        return error.code();
    }
}
