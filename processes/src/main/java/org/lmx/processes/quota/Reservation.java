package org.lmx.processes.quota;

/**
 * The outcome of {@link QuotaLedger#reserve}: the places held, or which line stopped it.
 *
 * @param reserved  true when the case holds one place in every region (now or from an earlier call)
 * @param region    the region whose line or partner share is exhausted, when not reserved
 * @param reason    a sentence for the caseworker and the refusal, when not reserved
 */
public record Reservation(boolean reserved, String region, String reason) {

    static Reservation held() {
        return new Reservation(true, null, null);
    }

    static Reservation exhausted(String region, String reason) {
        return new Reservation(false, region, reason);
    }
}
