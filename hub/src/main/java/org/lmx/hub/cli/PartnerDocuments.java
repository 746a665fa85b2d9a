package org.lmx.hub.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The document types a partner (a foreign ministry, an NGO, a recruiter) exchanges with the hub, each in the
 * direction the catalogue of ARCHITECTURE.md gives it, for the Documents of a draft agreement. The control documents
 * are always allowed: without them a partner can neither test its connection nor ask for the state of its messages.
 */
final class PartnerDocuments {

    enum Direction { INBOUND, OUTBOUND, BOTH }

    /** Control documents every partner agreement allows. */
    private static final Map<String, Direction> CONTROL = ordered(
            "Ping", Direction.INBOUND,
            "StatusRequest", Direction.INBOUND,
            "StatusReport", Direction.OUTBOUND,
            "BusinessNotice", Direction.BOTH,
            "InformationRequest", Direction.BOTH,
            "InformationResponse", Direction.BOTH);

    /** The business documents a partner may be given, with the direction they travel in. */
    static final Map<String, Direction> BUSINESS = ordered(
            "WorkPermitApplication", Direction.INBOUND,
            "QualificationVerificationResult", Direction.INBOUND,
            "EmploymentContractRegistration", Direction.INBOUND,
            "ConsularCaseNotice", Direction.INBOUND,
            "QualificationVerificationRequest", Direction.OUTBOUND,
            "PermitDecision", Direction.OUTBOUND,
            "QuotaNotice", Direction.OUTBOUND,
            "ContractVettingResult", Direction.OUTBOUND,
            "CaseReferral", Direction.OUTBOUND,
            "CaseOutcome", Direction.OUTBOUND);

    /** A partner ministry's defaults: work permits, contract vetting, consular cases and quotas (no NGO referrals). */
    static final List<String> MINISTRY_DEFAULTS = BUSINESS.keySet().stream().filter(t -> !t.equals("CaseReferral")).toList();

    private final List<String> inbound;
    private final List<String> outbound;

    private PartnerDocuments(List<String> inbound, List<String> outbound) {
        this.inbound = inbound;
        this.outbound = outbound;
    }

    /**
     * The control documents, FetchRequest for a pull partner, and the business documents named ({@link
     * #MINISTRY_DEFAULTS} when none is); an unknown or a domestic agency's type is refused with the list of
     * what a partner can be given.
     */
    static PartnerDocuments of(List<String> business, boolean pull) throws CliFailure {
        List<String> chosen = business == null || business.isEmpty() ? MINISTRY_DEFAULTS : business;
        List<String> unknown = chosen.stream().filter(t -> !BUSINESS.containsKey(t) && !CONTROL.containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            throw new CliFailure("--documents: " + String.join(", ", unknown) + (unknown.size() == 1 ? " is" : " are")
                    + " not a document a partner exchanges with the hub; choose from " + String.join(", ", BUSINESS.keySet())
                    + " (the control documents " + String.join(", ", CONTROL.keySet()) + " are always allowed)");
        }
        Set<String> in = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        Map<String, Direction> all = new LinkedHashMap<>(CONTROL);
        if (pull) {
            all.put("FetchRequest", Direction.INBOUND);
        }
        Set<String> wanted = new LinkedHashSet<>(chosen);
        BUSINESS.forEach((type, direction) -> {
            if (wanted.contains(type)) {
                all.put(type, direction);
            }
        });
        all.forEach((type, direction) -> {
            if (direction != Direction.OUTBOUND) {
                in.add(type);
            }
            if (direction != Direction.INBOUND) {
                out.add(type);
            }
        });
        return new PartnerDocuments(new ArrayList<>(in), new ArrayList<>(out));
    }

    List<String> inbound() {
        return inbound;
    }

    List<String> outbound() {
        return outbound;
    }

    private static Map<String, Direction> ordered(Object... pairs) {
        Map<String, Direction> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Direction) pairs[i + 1]);
        }
        return map;
    }
}
