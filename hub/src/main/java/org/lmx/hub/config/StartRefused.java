package org.lmx.hub.config;

/** The hub will not start as configured: what is wrong and what to do, reported without a stack trace. */
public final class StartRefused extends RuntimeException {

    private final String action;

    public StartRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
