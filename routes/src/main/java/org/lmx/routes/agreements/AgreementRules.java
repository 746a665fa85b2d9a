package org.lmx.routes.agreements;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.xsd.agreement.v1.Agreement;
import org.lmx.xsd.agreement.v1.Delivery;
import org.lmx.xsd.agreement.v1.DocumentTypeList;
import org.lmx.xsd.agreement.v1.Limits;
import org.lmx.xsd.agreement.v1.Parties;
import org.lmx.xsd.agreement.v1.PartnerKind;
import org.lmx.xsd.agreement.v1.Queue;
import org.lmx.xsd.agreement.v1.Retention;
import org.lmx.xsd.agreement.v1.SoapPush;
import org.lmx.xsd.agreement.v1.Validity;
import org.lmx.xsd.exchange.v1.DocumentType;

/**
 * The rules of one agreement file that its schema cannot express (agreement.xsd, "Checked on import"), apart
 * from trust (which needs the trust directory, {@link TrustResolver}) and from what the registry already holds.
 * Each rule adds its own problem, so that one pass lists them all.
 */
final class AgreementRules {

    /** The hub's own party: every agreement is between it and one counterparty (ARCHITECTURE.md). */
    static final String HUB_PARTY = "KAZ:MLSP";

    private static final String DOMESTIC_COUNTRY = "KAZ";

    private AgreementRules() {
    }

    static void check(Agreement agreement, List<Problem> problems) {
        parties(agreement.getParties(), problems);
        transport(agreement, problems);
        validity(agreement.getValidity(), problems);
        documents("Documents/Inbound", agreement.getDocuments().getInbound(), problems);
        documents("Documents/Outbound", agreement.getDocuments().getOutbound(), problems);
        delivery(agreement.getDelivery(), agreement.getClockSkew(), problems);
        limits(agreement.getLimits(), problems);
        retention(agreement.getRetention(), agreement.getValidity().getFrom(), problems);
    }

    private static void parties(Parties parties, List<Problem> problems) {
        if (!HUB_PARTY.equals(parties.getHub())) {
            problems.add(new Problem("Parties/Hub", parties.getHub() + " is not the hub; the hub is " + HUB_PARTY));
        }
        String partner = parties.getPartner();
        if (HUB_PARTY.equals(partner)) {
            problems.add(new Problem("Parties/Partner", "the hub " + HUB_PARTY + " cannot be its own partner"));
        }
        boolean domestic = DOMESTIC_COUNTRY.equals(PartyIds.country(partner));
        if (parties.getPartnerKind() == PartnerKind.DOMESTIC_AGENCY && !domestic) {
            problems.add(new Problem("Parties/PartnerKind", "DOMESTIC_AGENCY, but " + partner
                    + " is not a party of Kazakhstan (KAZ:...)"));
        }
        if (parties.getPartnerKind() == PartnerKind.FOREIGN_MINISTRY && domestic) {
            problems.add(new Problem("Parties/PartnerKind", "FOREIGN_MINISTRY, but " + partner
                    + " is a party of Kazakhstan"));
        }
    }

    private static void transport(Agreement agreement, List<Problem> problems) {
        Parties parties = agreement.getParties();
        String partner = parties.getPartner();
        Queue queue = agreement.getTransport().getQueue();
        if (queue != null) {
            boolean domesticAgency = parties.getPartnerKind() == PartnerKind.DOMESTIC_AGENCY
                    && DOMESTIC_COUNTRY.equals(PartyIds.country(partner));
            if (!domesticAgency) {
                problems.add(new Problem("Transport/Queue", "the broker's queues are for domestic agencies (a "
                        + "DOMESTIC_AGENCY partner KAZ:...); " + partner + " (" + parties.getPartnerKind()
                        + ") exchanges over SOAP: SoapPush or SoapPull"));
            }
            String organisation = partner.substring(partner.indexOf(':') + 1);
            if (!organisation.equals(queue.getAgencyCode())) {
                problems.add(new Problem("Transport/Queue/AgencyCode", queue.getAgencyCode() + " is not the "
                        + "organisation code of the partner " + partner + "; expected " + organisation));
            }
        }
        SoapPush push = agreement.getTransport().getSoapPush();
        if (push != null) {
            endpoint(push.getEndpoint(), problems);
        }
    }

    private static void endpoint(String endpoint, List<Problem> problems) {
        try {
            URI uri = new URI(endpoint);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                problems.add(new Problem("Transport/SoapPush/Endpoint", endpoint
                        + " is not an absolute http or https address of the partner's Exchange service"));
            }
        } catch (URISyntaxException e) {
            problems.add(new Problem("Transport/SoapPush/Endpoint", endpoint + " is not an address: " + e.getMessage()));
        }
    }

    private static void validity(Validity validity, List<Problem> problems) {
        if (validity.getTo() != null && validity.getTo().isBefore(validity.getFrom())) {
            problems.add(new Problem("Validity/To", validity.getTo() + " is before Validity/From " + validity.getFrom()));
        }
    }

    private static void documents(String where, DocumentTypeList list, List<Problem> problems) {
        if (list.getDocumentType().contains(DocumentType.RECEIPT)) {
            problems.add(new Problem(where, "lists Receipt, which is always allowed and is not listed"));
        }
    }

    private static void delivery(Delivery delivery, javax.xml.datatype.Duration xmlClockSkew, List<Problem> problems) {
        Duration clockSkew;
        DeliveryPolicy policy;
        try {
            clockSkew = XmlDurations.toDuration(xmlClockSkew);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("ClockSkew", e.getMessage()));
            return;
        }
        try {
            policy = DeliveryPolicy.of(delivery);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("Delivery", e.getMessage()));
            return;
        }
        if (policy.maxBackoff().compareTo(policy.initialBackoff()) < 0) {
            problems.add(new Problem("Delivery/MaxBackoff", policy.maxBackoff() + " is shorter than InitialBackoff "
                    + policy.initialBackoff()));
        }
        Duration span;
        try {
            span = policy.retrySpan();
        } catch (ArithmeticException e) {
            problems.add(new Problem("Delivery", "the retry span is too long to compute: " + e.getMessage()));
            return;
        }
        if (span.compareTo(clockSkew) >= 0) {
            problems.add(new Problem("Delivery", "the whole retry span (the " + (policy.maxAttempts() - 1)
                    + " waits between " + policy.maxAttempts() + " attempts) is " + span + ", not shorter than "
                    + "ClockSkew " + clockSkew + ": a late resend would be rejected as a replay; fewer attempts, "
                    + "shorter waits or a wider ClockSkew"));
        }
    }

    private static void limits(Limits limits, List<Problem> problems) {
        if (limits.getMaxDocumentBytes() > limits.getMaxCallBytes()) {
            problems.add(new Problem("Limits/MaxDocumentBytes", limits.getMaxDocumentBytes()
                    + " is more than MaxCallBytes " + limits.getMaxCallBytes() + ", which includes the document"));
        }
        if (limits.getMaxAttachmentBytes() > limits.getMaxCallBytes()) {
            problems.add(new Problem("Limits/MaxAttachmentBytes", limits.getMaxAttachmentBytes()
                    + " is more than MaxCallBytes " + limits.getMaxCallBytes() + ", which includes each attachment"));
        }
    }

    private static void retention(Retention retention, LocalDate from, List<Problem> problems) {
        Period bodies;
        Period metadata;
        try {
            bodies = XmlDurations.toPeriod(retention.getMessageBodies());
            metadata = XmlDurations.toPeriod(retention.getMetadata());
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("Retention", e.getMessage()));
            return;
        }
        // Periods of months and days compare only on a calendar: counted from the version's first day.
        if (from.plus(metadata).isBefore(from.plus(bodies))) {
            problems.add(new Problem("Retention/Metadata", metadata + " is shorter than MessageBodies " + bodies
                    + ": the log entries keep the hash chain verifiable and must outlive the bodies"));
        }
    }
}
