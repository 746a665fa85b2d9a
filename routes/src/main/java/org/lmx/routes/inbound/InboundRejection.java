package org.lmx.routes.inbound;

import org.lmx.connectors.LmxException;

/** An inbound document broke one of the {@link InboundRule}s. */
public class InboundRejection extends LmxException {

    private final InboundRule rule;

    public InboundRejection(InboundRule rule, String reason) {
        super(reason, null);
        this.rule = rule;
    }

    public InboundRule rule() {
        return rule;
    }

    @Override
    public String code() {
        return rule.code();
    }
}
