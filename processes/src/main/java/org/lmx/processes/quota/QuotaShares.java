package org.lmx.processes.quota;

import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

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

    /** The partners whose agreements carry quota shares (any year): each hears of a new year's quota. */
    default Set<String> partners() {
        return Set.of();
    }

    /** The partner's shares for the year, by sector and region (its QuotaNotice carries them). */
    default List<QuotaPlaces> sharesOf(String partner, int year) {
        return List.of();
    }
}
