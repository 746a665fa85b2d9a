package org.lmx.processes.quotarefresh;

import java.util.List;

/**
 * The domestic agencies that hear of a new year's quota (the partners with quota shares come from
 * {@link org.lmx.processes.quota.QuotaShares#partners()}). The hub resolves them when the notices go out, from its
 * configuration and the agreements in force.
 */
@FunctionalInterface
public interface NoticeRecipients {

    List<String> agencies();
}
