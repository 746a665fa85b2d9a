package org.lmx.processes.quota;

/** The places a year's quota sets for a sector (economic section letter) and a region (KZ-xx). */
public record QuotaPlaces(String sector, String region, int places) {

    public QuotaPlaces {
        if (places < 0) {
            throw new IllegalArgumentException("places must not be negative: " + places);
        }
    }

    /** {@code F KZ-23 590}, as the quota officer edits it. */
    @Override
    public String toString() {
        return sector + " " + region + " " + places;
    }
}
