package org.lmx.hub.camunda;

import java.util.List;

/**
 * A group of caseworkers (ARCHITECTURE.md "Access"), and the processes whose cases its members see: each group sees
 * its own cases and nothing else.
 *
 * @param id        the Camunda group id, which BPMN names as a candidate group
 * @param processes the process definition keys its members may see (instances, tasks, history)
 */
public record CaseworkerGroup(String id, String name, List<String> processes) {

    public static final CaseworkerGroup PERMIT_OFFICERS =
            new CaseworkerGroup("permit-officers", "Permit officers", List.of("work-permit"));
    /** Consular officers vet citizens' contracts abroad and protect them there: both processes are theirs. */
    public static final CaseworkerGroup CONSULAR_OFFICERS = new CaseworkerGroup("consular-officers",
            "Consular officers", List.of("contract-vetting", "consular-protection"));
    public static final CaseworkerGroup QUOTA_OFFICERS =
            new CaseworkerGroup("quota-officers", "Quota officers", List.of("quota-refresh"));
    /** Supervisors approve what was flagged in any process, so they see every process's cases. */
    public static final CaseworkerGroup SUPERVISORS = new CaseworkerGroup("supervisors", "Supervisors",
            List.of("work-permit", "consular-protection", "contract-vetting", "quota-refresh"));

    public static final List<CaseworkerGroup> ALL =
            List.of(PERMIT_OFFICERS, CONSULAR_OFFICERS, QUOTA_OFFICERS, SUPERVISORS);

    public CaseworkerGroup {
        processes = List.copyOf(processes);
    }
}
