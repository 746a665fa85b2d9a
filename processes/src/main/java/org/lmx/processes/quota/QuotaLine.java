package org.lmx.processes.quota;

/** A line of the national quota ledger: places for one year, sector and region, and how many permits hold one. */
public record QuotaLine(int year, String sector, String region, int places, int taken) {

    public int remaining() {
        return Math.max(0, places - taken);
    }
}
