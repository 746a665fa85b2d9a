package org.lmx.hub.exchange;

import org.lmx.routes.agreements.ReloadReport;

/** The agreements were (re)loaded: who depends on them (broker users, agency routes) catches up. */
public record AgreementsChanged(ReloadReport report) {
}
