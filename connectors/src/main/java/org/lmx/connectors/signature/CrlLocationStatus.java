package org.lmx.connectors.signature;

import java.net.URI;
import java.time.Instant;

/**
 * What a {@link HttpCrlSource} knows of one CRL location: when it was last asked, the CRL it holds and its dates,
 * the last failure. Null fields: not happened yet (or the CRL has no next update).
 *
 * @param lastAttempt   when the location was last asked over the network
 * @param lastSuccess   when a CRL was last fetched from it
 * @param thisUpdate    the held CRL's thisUpdate
 * @param nextUpdate    the held CRL's nextUpdate: after it, the CRL no longer counts for current signatures
 * @param lastFailure   when the last attempt failed
 * @param failureReason why it failed (HTTP status, timeout, not a CRL...)
 * @param retryAfter    a failed location is not asked again before this instant
 * @param attempts      network attempts since the hub started
 * @param failures      of which failed
 */
public record CrlLocationStatus(URI location, Instant lastAttempt, Instant lastSuccess, Instant thisUpdate,
                                Instant nextUpdate, Instant lastFailure, String failureReason, Instant retryAfter,
                                long attempts, long failures) {

    /**
     * Out of date at {@code now}: the location never gave a CRL, or the one it gave is past its nextUpdate (a fresh
     * one could not be had). Either way a certificate relying on it gets no current revocation status.
     */
    public boolean outOfDateAt(Instant now) {
        return lastSuccess == null || (nextUpdate != null && nextUpdate.isBefore(now));
    }

    /** True while the last attempt failed (the location is down or serves no CRL). */
    public boolean failing() {
        return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
    }
}
