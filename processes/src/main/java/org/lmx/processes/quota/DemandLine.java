package org.lmx.processes.quota;

/**
 * One line of a region's RegionalDemandReport as recorded: the foreign workers employers ask for in one sector and
 * profession, and the suitable local jobseekers.
 */
public record DemandLine(int year, String region, String reportedBy, String reportReference, String sector,
                         String iscoCode, String jobTitle, int requested, int localCandidates) {

    /** Workers the region cannot find locally (never negative). */
    public int gap() {
        return Math.max(0, requested - localCandidates);
    }

    /** (requested - local candidates) / requested: 0 when the region can staff it, 1 when it has nobody. */
    public double shortageRatio() {
        return requested == 0 ? 0 : (double) gap() / requested;
    }
}
