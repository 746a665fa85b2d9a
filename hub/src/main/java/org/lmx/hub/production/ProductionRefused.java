package org.lmx.hub.production;

import java.util.List;

/** The hub will not start in production, for these reasons (every one found, not only the first). */
public final class ProductionRefused extends RuntimeException {

    private final List<String> reasons;

    public ProductionRefused(List<String> reasons) {
        super("the hub refuses to start in production: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
