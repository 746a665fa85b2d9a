package org.lmx.routes.agreements;

import java.util.List;
import java.util.Optional;

/** An agreement with every imported version, in version order. */
public record AgreementDetail(AgreementSummary summary, List<AgreementVersionInfo> versions) {

    public AgreementDetail {
        versions = List.copyOf(versions);
    }

    public Optional<AgreementVersionInfo> current() {
        return versions.stream().filter(AgreementVersionInfo::current).findFirst();
    }
}
