package org.lmx.routes.outbound;

import java.util.List;
import org.lmx.connectors.LmxException;

/** The outbound entry refused a request; nothing of it was kept. */
public class OutboundRefusal extends LmxException {

    private final OutboundRule rule;
    private final List<String> problems;

    public OutboundRefusal(OutboundRule rule, String reason) {
        this(rule, reason, List.of());
    }

    public OutboundRefusal(OutboundRule rule, String reason, List<String> problems) {
        super(reason, null);
        this.rule = rule;
        this.problems = List.copyOf(problems);
    }

    public OutboundRule rule() {
        return rule;
    }

    /** Every problem, when there are several (schema validation). */
    public List<String> problems() {
        return problems;
    }

    @Override
    public String code() {
        return rule.code();
    }
}
