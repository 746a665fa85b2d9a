package org.lmx.hub.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.lmx.connectors.signature.CrlLocationStatus;
import org.lmx.hub.trust.InventoryEntry;
import org.lmx.hub.trust.TrustReport;

/** The trust inventory as a table for people: one certificate a line, then the CRL locations. */
final class TrustTable {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-13s %6s  %-14s %-22s %-11s %-34s %-17s %-17s %s%n";

    private TrustTable() {
    }

    static void print(TrustReport report, PrintStream out) {
        out.printf(ROW, "STATE", "DAYS", "PARTNER", "AGREEMENT", "ROLE", "LABEL", "NOT AFTER", "ENTRY ENDS", "SUBJECT / SHA-256");
        for (InventoryEntry c : report.certificates()) {
            String agreement = c.agreementId() == null ? "(hub)"
                    : c.agreementId() + " v" + c.agreementVersion() + (c.agreementInForce() ? "" : " " + c.agreementStatus()
                    + (c.agreementStatus().equals("ACTIVE") ? " (out of dates)" : ""));
            out.printf(ROW, c.state(), c.daysLeft(), c.partner(), agreement, c.role(), cut(c.label(), 34),
                    time(c.notAfter()), time(c.entryNotAfter()), c.subject() + " " + c.sha256().substring(0, 16) + "...");
        }
        if (!report.crls().isEmpty()) {
            out.println();
            out.printf("%-9s %-17s %-17s %-17s %s%n", "CRL", "LAST FETCH", "NEXT UPDATE", "LAST FAILURE", "LOCATION");
            for (CrlLocationStatus crl : report.crls()) {
                String state = crl.outOfDateAt(report.generatedAt()) ? "OUT_OF_DATE" : "CURRENT";
                out.printf("%-9s %-17s %-17s %-17s %s%s%n", state, time(crl.lastSuccess()), time(crl.nextUpdate()),
                        time(crl.lastFailure()), crl.location(), crl.failureReason() == null ? "" : " (" + crl.failureReason() + ")");
            }
        }
        long attention = report.certificates().stream().filter(c -> c.reliedOn() && c.state().needsAttention()).count();
        out.println();
        out.println(report.certificates().size() + " certificates, " + attention + " of agreements in force or of the hub "
                + "EXPIRING (within " + report.expiringWithin() + ") or EXPIRED");
    }

    private static String time(Instant instant) {
        return instant == null ? "-" : DAY.format(instant);
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
