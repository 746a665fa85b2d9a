package org.lmx.hub.cli;

/** The checks of {@code lmx conformance}, in the order of the report. */
enum ConformanceCheck {

    PING("a", "answers a signed Ping with a receipt"),
    VERIFIES_HUB_SIGNATURE("b", "refuses a document signed by a key it must not trust"),
    SIGNED_RECEIPT("c", "returns a receipt signed by the partner, with the digest of the document sent"),
    SAME_RECEIPT_ON_RESEND("d", "returns the same receipt, byte for byte, for a resend of the same bytes"),
    TAMPERED_REJECTED("e", "refuses a document whose signed content was changed after signing");

    private final String letter;
    private final String title;

    ConformanceCheck(String letter, String title) {
        this.letter = letter;
        this.title = title;
    }

    String letter() {
        return letter;
    }

    String title() {
        return title;
    }

    /** One check's verdict and why. */
    record Result(ConformanceCheck check, boolean passed, String reason) {

        static Result pass(ConformanceCheck check, String reason) {
            return new Result(check, true, reason);
        }

        static Result fail(ConformanceCheck check, String reason) {
            return new Result(check, false, reason);
        }

        String verdict() {
            return passed ? "PASS" : "FAIL";
        }
    }
}
