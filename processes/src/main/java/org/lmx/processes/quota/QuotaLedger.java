package org.lmx.processes.quota;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The national quota ledger (table {@code quota_line}, V7): places for foreign labour per year, sector and region.
 * <p>
 * A reservation takes one place in every region of the permit, all or none, in the caller's transaction (or its
 * own): each place is taken by {@code UPDATE ... SET taken = taken + 1 WHERE taken < places}, which holds the line's
 * row lock until commit, so parallel reservations for the last place serialise on the row and exactly one gets it.
 * When a later region (taken in region order, so two reservations never wait for each other crosswise) or the
 * partner's share stops it, the places already taken are given back in the same transaction and the outcome says
 * which region stopped it; nothing is thrown, so the process can take its "quota exhausted" path. The partner's
 * share is counted over the partner's live reservations in the line while the line's row lock is held.
 */
public class QuotaLedger {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public QuotaLedger(JdbcTemplate jdbc, PlatformTransactionManager tx) {
        this(jdbc, tx, Clock.systemUTC());
    }

    public QuotaLedger(JdbcTemplate jdbc, PlatformTransactionManager tx, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(tx);
        this.clock = clock;
    }

    /** The ledger's database, for the yearly counters of the quota notices. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Creates the line with this many places unless it exists (the hub's configuration seeds the demo quota). */
    public boolean seed(int year, String sector, String region, int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must not be negative: " + places);
        }
        try {
            Boolean created = transactions.execute(status -> jdbc.update(
                    "INSERT INTO quota_line (quota_year, sector, region, places, taken) SELECT ?, ?, ?, ?, 0"
                            + " WHERE NOT EXISTS (SELECT 1 FROM quota_line WHERE quota_year = ? AND sector = ? AND region = ?)",
                    year, sector, region, places, year, sector, region) == 1);
            return Boolean.TRUE.equals(created);
        } catch (DuplicateKeyException e) {
            // another hub node, starting at the same time, seeded it between the check and the insert
            return false;
        }
    }

    /**
     * One place in each region for the case, all or none; idempotent per case (a case that holds places gets
     * {@code reserved} again without taking more).
     *
     * @param partnerShareLimits the partner's share per region where its agreement sets one (absent: no share)
     */
    public Reservation reserve(String caseRef, int year, String sector, Collection<String> regions, String partner,
                               Map<String, Integer> partnerShareLimits) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("a reservation covers at least one region");
        }
        return transactions.execute(status -> {
            if (holds(caseRef)) {
                return Reservation.held();
            }
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            List<String> taken = new java.util.ArrayList<>();
            for (String region : new TreeSet<>(regions)) {
                String stop = take(year, sector, region, partner, partnerShareLimits.get(region));
                if (stop != null) {
                    taken.forEach(r -> giveBack(year, sector, r));
                    return Reservation.exhausted(region, stop);
                }
                taken.add(region);
            }
            for (String region : taken) {
                // a case released earlier (refused, then reopened) reserves afresh: its old rows go
                jdbc.update("DELETE FROM quota_reservation WHERE case_reference = ? AND region = ?", caseRef, region);
                jdbc.update("INSERT INTO quota_reservation (case_reference, region, quota_year, sector, partner,"
                        + " reserved_at) VALUES (?, ?, ?, ?, ?, ?)", caseRef, region, year, sector, partner, now);
            }
            return Reservation.held();
        });
    }

    /** {@link #reserve(String, int, String, Collection, String, Map)} with the shares looked up. */
    public Reservation reserve(String caseRef, int year, String sector, Collection<String> regions, String partner,
                               QuotaShares shares) {
        Map<String, Integer> limits = new java.util.HashMap<>();
        for (String region : regions) {
            OptionalInt limit = shares.limit(partner, year, sector, region);
            limit.ifPresent(l -> limits.put(region, l));
        }
        return reserve(caseRef, year, sector, regions, partner, limits);
    }

    /** Gives the case's places back (a refusal); idempotent: a case without places changes nothing. */
    public boolean release(String caseRef) {
        Boolean released = transactions.execute(status -> {
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "SELECT region, quota_year, sector FROM quota_reservation"
                            + " WHERE case_reference = ? AND released_at IS NULL ORDER BY region", caseRef);
            for (Map<String, Object> row : rows) {
                giveBack(((Number) row.get("quota_year")).intValue(), (String) row.get("sector"),
                        (String) row.get("region"));
            }
            jdbc.update("UPDATE quota_reservation SET released_at = ? WHERE case_reference = ? AND released_at IS NULL",
                    OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), caseRef);
            return !rows.isEmpty();
        });
        return Boolean.TRUE.equals(released);
    }

    /**
     * The year's quota as the quota-refresh process approved it, in the caller's transaction (or its own): each
     * given line gets its places, created where the ledger has none, but never fewer than the permits already
     * holding a place there (those stay valid); a line of the year that is not given is closed (its places set to
     * those taken), since the approved quota is the whole of the year's. A reservation running at the same time
     * waits for the line's row lock, so it sees either the old or the new places, never a count below taken.
     *
     * @return the year's ledger lines afterwards
     */
    public List<QuotaLine> setYear(int year, Collection<QuotaPlaces> quota) {
        return transactions.execute(status -> {
            java.util.Set<String> given = new java.util.HashSet<>();
            for (QuotaPlaces line : quota) {
                if (!given.add(line.sector() + " " + line.region())) {
                    throw new IllegalArgumentException("the quota names " + line.sector() + " " + line.region()
                            + " twice");
                }
                int updated = jdbc.update("UPDATE quota_line SET places = GREATEST(?, taken)"
                        + " WHERE quota_year = ? AND sector = ? AND region = ?", line.places(), year, line.sector(),
                        line.region());
                if (updated == 0) {
                    jdbc.update("INSERT INTO quota_line (quota_year, sector, region, places, taken) VALUES (?, ?, ?, ?, 0)",
                            year, line.sector(), line.region(), line.places());
                }
            }
            for (QuotaLine line : lines(year)) {
                if (!given.contains(line.sector() + " " + line.region())) {
                    jdbc.update("UPDATE quota_line SET places = taken WHERE quota_year = ? AND sector = ? AND region = ?",
                            year, line.sector(), line.region());
                }
            }
            return lines(year);
        });
    }

    /** The year's ledger lines, by sector and region. */
    public List<QuotaLine> lines(int year) {
        return jdbc.query("SELECT quota_year, sector, region, places, taken FROM quota_line WHERE quota_year = ?"
                        + " ORDER BY sector, region",
                (rs, i) -> new QuotaLine(rs.getInt("quota_year"), rs.getString("sector"), rs.getString("region"),
                        rs.getInt("places"), rs.getInt("taken")), year);
    }

    /** Places left in the line (0 when the line does not exist: no quota there). */
    public int remaining(int year, String sector, String region) {
        List<Integer> left = jdbc.queryForList(
                "SELECT places - taken FROM quota_line WHERE quota_year = ? AND sector = ? AND region = ?",
                Integer.class, year, sector, region);
        return left.isEmpty() ? 0 : Math.max(0, left.get(0));
    }

    /** Places the partner's live reservations hold in the line. */
    public int heldBy(String partner, int year, String sector, String region) {
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM quota_reservation WHERE partner = ? AND quota_year = ?"
                + " AND sector = ? AND region = ? AND released_at IS NULL", Integer.class, partner, year, sector, region);
        return held == null ? 0 : held;
    }

    /** True when the case holds places now. */
    public boolean holds(String caseRef) {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM quota_reservation WHERE case_reference = ?"
                + " AND released_at IS NULL", Integer.class, caseRef);
        return rows != null && rows > 0;
    }

    /** Takes a place in the line, or says why not (the place is not kept then). */
    private String take(int year, String sector, String region, String partner, Integer shareLimit) {
        int updated = jdbc.update("UPDATE quota_line SET taken = taken + 1"
                + " WHERE quota_year = ? AND sector = ? AND region = ? AND taken < places", year, sector, region);
        if (updated == 0) {
            return "no quota place left for " + year + ", sector " + sector + ", region " + region;
        }
        // the line's row lock is ours until commit: every reservation in this line waits for it, so the count holds
        if (shareLimit != null && heldBy(partner, year, sector, region) >= shareLimit) {
            giveBack(year, sector, region);
            return "the share of " + partner + " (" + shareLimit + " places) is used up for " + year + ", sector "
                    + sector + ", region " + region;
        }
        return null;
    }

    private void giveBack(int year, String sector, String region) {
        jdbc.update("UPDATE quota_line SET taken = taken - 1 WHERE quota_year = ? AND sector = ? AND region = ?"
                + " AND taken > 0", year, sector, region);
    }
}
