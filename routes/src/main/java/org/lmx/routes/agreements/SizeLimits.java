package org.lmx.routes.agreements;

import org.lmx.xsd.agreement.v1.Limits;

/** Size limits of an agreement, checked before parsing (ARCHITECTURE.md "Sizes"). */
public record SizeLimits(long maxDocumentBytes, long maxAttachmentBytes, long maxCallBytes) {

    private static final long MIB = 1024L * 1024;

    /** The hub's defaults: 10 MiB per signed document, 25 MiB per attachment, 50 MiB per call. */
    public static final SizeLimits DEFAULTS = new SizeLimits(10 * MIB, 25 * MIB, 50 * MIB);

    static SizeLimits of(Limits limits) {
        return limits == null ? DEFAULTS
                : new SizeLimits(limits.getMaxDocumentBytes(), limits.getMaxAttachmentBytes(), limits.getMaxCallBytes());
    }
}
