package org.lmx.hub.quotarefresh;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lmx.hub.config.LmxProperties;
import org.lmx.processes.quotarefresh.NoticeRecipients;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.AgreementSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agencies a QuotaNotice goes to, resolved when the notices go out: {@code lmx.quota-refresh.notify} and, with
 * {@code notify-akimats}, every regional akimat (KAZ:AKIMAT-*) with an agreement. Only those whose agreement is in
 * force and allows QuotaNotice outbound: a notice the exchange would refuse would hold up everyone else's, so such an
 * agency is left out with a warning (an operator fixes its agreement and sends the notice with POST /api/outbound).
 */
final class AgencyRecipients implements NoticeRecipients {

    private static final Logger LOG = LoggerFactory.getLogger(AgencyRecipients.class);
    private static final String AKIMAT = "KAZ:AKIMAT-";

    private final AgreementRegistry agreements;
    private final LmxProperties.QuotaRefresh settings;
    private final Clock clock;

    AgencyRecipients(AgreementRegistry agreements, LmxProperties.QuotaRefresh settings, Clock clock) {
        this.agreements = agreements;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<String> agencies() {
        List<AgreementSummary> all = agreements.list();
        Set<String> wanted = new LinkedHashSet<>(settings.agencies());
        if (settings.notifyAkimats()) {
            all.stream().map(AgreementSummary::partner).filter(p -> p.startsWith(AKIMAT)).sorted().forEach(wanted::add);
        }
        List<String> agencies = new java.util.ArrayList<>();
        for (String agency : wanted) {
            boolean allowed = all.stream().filter(s -> agency.equals(s.partner()) && s.currentVersion() != null)
                    .map(s -> agreements.current(s.id()).orElse(null))
                    .anyMatch(c -> c != null && c.isActiveAt(clock.instant()) && c.allowsOutbound("QuotaNotice"));
            if (allowed) {
                agencies.add(agency);
            } else {
                LOG.warn("no QuotaNotice for {}: it has no agreement in force that allows QuotaNotice outbound", agency);
            }
        }
        return agencies;
    }
}
