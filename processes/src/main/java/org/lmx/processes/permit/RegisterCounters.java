package org.lmx.processes.permit;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Yearly counters (table {@code register_counter}, V8) for the hub's case references and permit numbers, taken in
 * the caller's transaction: a number is used only if the transaction that took it commits. The row is locked by
 * the UPDATE until then, so two cases never get the same number; two nodes creating the year's first row at once
 * collide on its primary key and one of them is retried (outbox or job).
 */
public class RegisterCounters {

    public static final String CASE = "work-permit-case";
    public static final String PERMIT = "permit";

    private final JdbcTemplate jdbc;

    public RegisterCounters(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public int next(String counter, int year) {
        int updated = jdbc.update("UPDATE register_counter SET last_value = last_value + 1"
                + " WHERE counter_name = ? AND counter_year = ?", counter, year);
        if (updated == 0) {
            jdbc.update("INSERT INTO register_counter (counter_name, counter_year, last_value) VALUES (?, ?, 1)",
                    counter, year);
            return 1;
        }
        Integer value = jdbc.queryForObject("SELECT last_value FROM register_counter"
                + " WHERE counter_name = ? AND counter_year = ?", Integer.class, counter, year);
        return value == null ? 1 : value;
    }

    /** The hub's case reference for a work-permit case: WP-2026-000123. */
    public String nextCaseReference(int year) {
        return "WP-%04d-%06d".formatted(year, next(CASE, year));
    }

    /** A new permit number: KZ-WP-2026-000123. */
    public String nextPermitNumber(int year) {
        return "KZ-WP-%04d-%06d".formatted(year, next(PERMIT, year));
    }
}
