package org.lmx.hub.trust;

/** Where a certificate of the inventory stands at the time of the inventory. */
public enum CertificateState {
    /** Within its validity and not ending within the warning window. */
    VALID,
    /** Valid, but its notAfter lies within the warning window ({@code lmx.trust.expiring-within}): plan the rotation. */
    EXPIRING,
    /** Past its notAfter: no signature made with it (or under it) verifies now. */
    EXPIRED,
    /** Before its notBefore (a successor added ahead of time). */
    NOT_YET_VALID,
    /** Its trust entry's NotAfter has passed (end of a rotation overlap): the agreement no longer uses it. */
    ENTRY_ENDED;

    /** True if a signature could be trusted through it now. */
    public boolean usable() {
        return this == VALID || this == EXPIRING;
    }

    /** True if an operator has something to do about it. */
    public boolean needsAttention() {
        return this == EXPIRING || this == EXPIRED;
    }
}
