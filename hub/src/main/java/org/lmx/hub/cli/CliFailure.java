package org.lmx.hub.cli;

/**
 * A command that could not do its work for a reason the user can act on (the hub unreachable, a receipt that
 * does not verify, a document that stays invalid): printed as {@code ERROR    reason}, exit code 1.
 */
public final class CliFailure extends Exception {

    CliFailure(String reason) {
        super(reason);
    }

    CliFailure(String reason, Throwable cause) {
        super(reason, cause);
    }
}
