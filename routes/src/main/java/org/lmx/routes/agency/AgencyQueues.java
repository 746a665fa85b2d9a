package org.lmx.routes.agency;

import java.util.regex.Pattern;

/**
 * The queues of one domestic agency (ARCHITECTURE.md "Flows"): it sends on {@code lmx.agency.<CODE>.out}, receives
 * on {@code lmx.agency.<CODE>.in}; what the hub could not take goes to {@code lmx.agency.<CODE>.dlq} with its reason.
 * CODE is the agency's party without the country ({@code KAZ:MIA} -> {@code MIA}), and also its broker user.
 */
public record AgencyQueues(String party, String code) {

    public static final String PREFIX = "lmx.agency.";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9\\-]{0,31}");

    public AgencyQueues {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an agency code: " + code);
        }
    }

    public static AgencyQueues of(String party) {
        int colon = party.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a party id: " + party);
        }
        return new AgencyQueues(party, party.substring(colon + 1));
    }

    public String in() {
        return PREFIX + code + ".in";
    }

    public String out() {
        return PREFIX + code + ".out";
    }

    public String deadLetters() {
        return PREFIX + code + ".dlq";
    }

    /** The broker user of the agency. */
    public String user() {
        return code;
    }
}
