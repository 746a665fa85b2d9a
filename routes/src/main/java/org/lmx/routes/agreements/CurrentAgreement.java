package org.lmx.routes.agreements;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.xsd.agreement.v1.Agreement;
import org.lmx.xsd.agreement.v1.AgreementStatus;
import org.lmx.xsd.agreement.v1.DocumentTypeList;
import org.lmx.xsd.agreement.v1.RevocationPolicy;
import org.lmx.xsd.agreement.v1.TrustRole;
import org.lmx.xsd.exchange.v1.DocumentType;

/**
 * The version of an agreement in force (the latest version that is not DRAFT), as the exchange applies it.
 * Immutable, built from what was stored at import (the file's bytes and its resolved trust), never from the
 * files as they are now; safe to share between threads and to cache by (id, version).
 */
public final class CurrentAgreement {

    /** Validity dates are days of the hub's time zone (agreement.xsd, Validity): Kazakhstan, UTC+05:00. */
    public static final ZoneOffset HUB_ZONE = ZoneOffset.ofHours(5);

    /** The clock-skew window when an agreement gives none (ARCHITECTURE.md "Time"). */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofHours(24);

    private static final String RECEIPT = DocumentType.RECEIPT.value();

    private final String id;
    private final long version;
    private final AgreementStatus status;
    private final String partner;
    private final LocalDate validFrom;
    private final LocalDate validTo;
    private final TransportKind transport;
    private final RevocationPolicy revocationPolicy;
    private final List<TrustCertificate> trustCertificates;
    private final Set<String> inbound;
    private final Set<String> outbound;
    private final Duration clockSkew;
    private final SizeLimits limits;
    private final DeliveryPolicy delivery;
    private final Set<String> tlsClientCertificates;
    private final byte[] content;

    CurrentAgreement(byte[] content, List<TrustCertificate> trustCertificates) {
        this.content = content.clone();
        Agreement agreement = AgreementXml.read(this.content);
        this.id = agreement.getId();
        this.version = agreement.getVersion().longValueExact();
        this.status = agreement.getStatus();
        this.partner = agreement.getParties().getPartner();
        this.validFrom = agreement.getValidity().getFrom();
        this.validTo = agreement.getValidity().getTo();
        this.transport = TransportKind.of(agreement.getTransport());
        this.revocationPolicy = agreement.getTrust().getRevocationPolicy();
        this.trustCertificates = List.copyOf(trustCertificates);
        this.inbound = names(agreement.getDocuments().getInbound());
        this.outbound = names(agreement.getDocuments().getOutbound());
        this.clockSkew = agreement.getClockSkew() == null ? DEFAULT_CLOCK_SKEW
                : XmlDurations.toDuration(agreement.getClockSkew());
        this.limits = SizeLimits.of(agreement.getLimits());
        this.delivery = DeliveryPolicy.of(agreement.getDelivery());
        this.tlsClientCertificates = Set.copyOf(agreement.getTransport().getSoapPush() != null
                ? agreement.getTransport().getSoapPush().getTlsClientCertificate()
                : agreement.getTransport().getSoapPull() != null
                ? agreement.getTransport().getSoapPull().getTlsClientCertificate() : List.of());
        if (status == AgreementStatus.DRAFT) {
            throw new IllegalArgumentException(id + " version " + version + " is a DRAFT, which is never current");
        }
        if (trustCertificates.isEmpty()) {
            throw new IllegalStateException(id + " version " + version + " has no stored trust certificate");
        }
    }

    public String id() {
        return id;
    }

    public long version() {
        return version;
    }

    public AgreementStatus status() {
        return status;
    }

    /** The counterparty: the party every signer under this agreement must be. */
    public String partner() {
        return partner;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    /** The last day in force, or null: until a later version or termination. */
    public LocalDate validTo() {
        return validTo;
    }

    public TransportKind transport() {
        return transport;
    }

    /**
     * The SHA-256 (lower-case hex) of the TLS client certificates the partner must call the hub with; empty: any
     * connection (the signature decides).
     */
    public Set<String> tlsClientCertificates() {
        return tlsClientCertificates;
    }

    public RevocationPolicy revocationPolicy() {
        return revocationPolicy;
    }

    /** The trust entries as stored at import, in file order, with their CRL URLs and NotAfter. */
    public List<TrustCertificate> trustCertificates() {
        return trustCertificates;
    }

    /** Every trust entry: CA entries as authorities, PINNED entries as pinned certificates. */
    public TrustAnchors trust() {
        return anchors(trustCertificates);
    }

    /**
     * The trust entries usable at {@code time} (an entry past its NotAfter is left out); empty when none is,
     * in which case no signature under this agreement can be trusted.
     */
    public Optional<TrustAnchors> trustAt(Instant time) {
        List<TrustCertificate> usable = trustCertificates.stream().filter(t -> t.usableAt(time)).toList();
        return usable.isEmpty() ? Optional.empty() : Optional.of(anchors(usable));
    }

    public Duration clockSkew() {
        return clockSkew;
    }

    public SizeLimits limits() {
        return limits;
    }

    public long maxDocumentBytes() {
        return limits.maxDocumentBytes();
    }

    public long maxAttachmentBytes() {
        return limits.maxAttachmentBytes();
    }

    public long maxCallBytes() {
        return limits.maxCallBytes();
    }

    public DeliveryPolicy delivery() {
        return delivery;
    }

    /** True if messages are accepted and sent under this version at {@code time}: ACTIVE and within its dates. */
    public boolean isActiveAt(Instant time) {
        return inactivityAt(time).isEmpty();
    }

    /** Why messages are not accepted under this version at {@code time}; empty when they are. */
    public Optional<Inactivity> inactivityAt(Instant time) {
        if (status == AgreementStatus.SUSPENDED || status == AgreementStatus.TERMINATED) {
            return Optional.of(new Inactivity(Inactivity.Reason.valueOf(status.name()),
                    "agreement " + id + " (version " + version + ") is " + status.value()));
        }
        LocalDate day = time.atOffset(HUB_ZONE).toLocalDate();
        if (day.isBefore(validFrom)) {
            return Optional.of(new Inactivity(Inactivity.Reason.NOT_YET_VALID,
                    "agreement " + id + " (version " + version + ") applies from " + validFrom));
        }
        if (validTo != null && day.isAfter(validTo)) {
            return Optional.of(new Inactivity(Inactivity.Reason.EXPIRED,
                    "agreement " + id + " (version " + version + ") applied until " + validTo));
        }
        return Optional.empty();
    }

    /** Partner to hub; a Receipt is always allowed (every document is answered by one). */
    public boolean allowsInbound(String documentType) {
        return RECEIPT.equals(documentType) || inbound.contains(documentType);
    }

    /** Hub to partner; a Receipt is always allowed. */
    public boolean allowsOutbound(String documentType) {
        return RECEIPT.equals(documentType) || outbound.contains(documentType);
    }

    /** The listed inbound document types (Receipt, always allowed, is not listed). */
    public Set<String> inboundDocumentTypes() {
        return inbound;
    }

    public Set<String> outboundDocumentTypes() {
        return outbound;
    }

    /**
     * The whole agreement as imported, a fresh copy at each call (the generated classes are mutable, and this
     * object is shared).
     */
    public Agreement agreement() {
        return AgreementXml.read(content);
    }

    /** Retention/MessageBodies: how long signed bodies and attachments are kept after their case's last message. */
    public java.time.Period bodyRetention() {
        return XmlDurations.toPeriod(agreement().getRetention().getMessageBodies());
    }

    /** The file's bytes as imported. */
    public byte[] content() {
        return content.clone();
    }

    /** The file's text as imported. */
    public String contentText() {
        return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentAgreement other && id.equals(other.id) && version == other.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return id + " version " + version + " (" + status + ", " + partner + ")";
    }

    private static Set<String> names(DocumentTypeList list) {
        return list == null ? Set.of()
                : list.getDocumentType().stream().map(DocumentType::value).collect(Collectors.toUnmodifiableSet());
    }

    private static TrustAnchors anchors(List<TrustCertificate> entries) {
        Set<X509Certificate> authorities = entries.stream().filter(t -> t.role() == TrustRole.CA)
                .map(TrustCertificate::certificate).collect(Collectors.toSet());
        Set<X509Certificate> pinned = entries.stream().filter(t -> t.role() == TrustRole.PINNED)
                .map(TrustCertificate::certificate).collect(Collectors.toSet());
        return new TrustAnchors(authorities, pinned);
    }
}
