package org.lmx.processes.quota;

import java.util.OptionalInt;

/**
 * The partners' shares of the national quota: the sub-limits their agreements set (an agreement's
 * {@code <QuotaShares>}). The hub implements it from the current agreements.
 */
public interface QuotaShares {

    /** No partner has a share anywhere. */
    QuotaShares NONE = (partner, year, sector, region) -> OptionalInt.empty();

    /**
     * The most places the partner's applications may hold in this quota line, or empty when its agreement sets no
     * share there (then only the national line limits it).
     */
    OptionalInt limit(String partner, int year, String sector, String region);
}
