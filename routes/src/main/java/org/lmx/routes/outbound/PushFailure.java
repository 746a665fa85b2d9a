package org.lmx.routes.outbound;

/** A push attempt that brought no receipt: no connection, a SOAP fault, a timeout, an empty answer. */
public class PushFailure extends Exception {

    public PushFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
