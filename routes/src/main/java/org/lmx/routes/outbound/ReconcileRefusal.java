package org.lmx.routes.outbound;

import org.lmx.connectors.LmxException;

/** A receipt broke one of the {@link ReconcileRule}s. */
public class ReconcileRefusal extends LmxException {

    private final ReconcileRule rule;

    public ReconcileRefusal(ReconcileRule rule, String reason) {
        super(reason, null);
        this.rule = rule;
    }

    public ReconcileRule rule() {
        return rule;
    }

    @Override
    public String code() {
        return rule.code();
    }
}
