package org.lmx.hub.trust;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.lmx.connectors.Sha256;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.TrustCertificate;

/**
 * Builds the inventory of every certificate the hub trusts or signs with, and the state of each at an instant. Pure:
 * the hub (REST, health, metrics) and the offline CLI give it the agreements and the hub's certificates they have.
 */
public final class TrustInventory {

    private static final long SECONDS_PER_DAY = Duration.ofDays(1).toSeconds();

    private TrustInventory() {
    }

    /** The current versions' trust entries in agreement order, then the hub's own certificates. */
    public static List<InventoryEntry> of(List<CurrentAgreement> agreements, List<HubCertificate> hub, String hubParty,
                                          Instant now, Duration expiringWithin) {
        List<InventoryEntry> entries = new ArrayList<>();
        for (CurrentAgreement agreement : agreements) {
            boolean inForce = agreement.isActiveAt(now);
            for (TrustCertificate trust : agreement.trustCertificates()) {
                X509Certificate c = trust.certificate();
                entries.add(new InventoryEntry(InventoryEntry.AGREEMENT, agreement.partner(), agreement.id(),
                        agreement.version(), agreement.status().value(), inForce, trust.role().value(),
                        trust.label() != null ? trust.label() : "entry " + trust.position(),
                        subject(c), c.getIssuerX500Principal().getName(), serial(c.getSerialNumber()), fingerprint(c),
                        c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), trust.notAfter(), trust.crlUrl(),
                        distributionPoints(c), agreement.revocationPolicy().value(), daysLeft(c, now),
                        state(c, trust.notAfter(), now, expiringWithin)));
            }
        }
        for (HubCertificate own : hub) {
            X509Certificate c = own.certificate();
            entries.add(new InventoryEntry(InventoryEntry.HUB, hubParty, null, null, null, false, own.role(),
                    own.label(), subject(c), c.getIssuerX500Principal().getName(), serial(c.getSerialNumber()),
                    fingerprint(c), c.getNotBefore().toInstant(), c.getNotAfter().toInstant(), null, null,
                    distributionPoints(c), null, daysLeft(c, now), state(c, null, now, expiringWithin)));
        }
        return entries;
    }

    /**
     * An entry past its NotAfter is ENTRY_ENDED whatever its certificate (the agreement no longer uses it); else the
     * certificate's own validity decides, EXPIRING within the window.
     */
    static CertificateState state(X509Certificate certificate, Instant entryNotAfter, Instant now, Duration window) {
        if (entryNotAfter != null && now.isAfter(entryNotAfter)) {
            return CertificateState.ENTRY_ENDED;
        }
        Instant notAfter = certificate.getNotAfter().toInstant();
        if (now.isAfter(notAfter)) {
            return CertificateState.EXPIRED;
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return CertificateState.NOT_YET_VALID;
        }
        return notAfter.isAfter(now.plus(window)) ? CertificateState.VALID : CertificateState.EXPIRING;
    }

    /** Whole days to the certificate's end, rounded down (so an expired one is negative, never 0). */
    static long daysLeft(X509Certificate certificate, Instant now) {
        return Math.floorDiv(Duration.between(now, certificate.getNotAfter().toInstant()).toSeconds(), SECONDS_PER_DAY);
    }

    /** ISO-8601 as people write it: P30D rather than Java's PT720H for whole days. */
    public static String iso(Duration duration) {
        return !duration.isZero() && duration.toSeconds() % SECONDS_PER_DAY == 0 && duration.getNano() == 0
                ? "P" + duration.toDays() + "D" : duration.toString();
    }

    /** Fractional days to the certificate's end (the expiry gauge). */
    public static double daysToExpiry(Instant notAfter, Instant now) {
        return Duration.between(now, notAfter).toSeconds() / (double) SECONDS_PER_DAY;
    }

    private static String subject(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName();
    }

    private static String serial(BigInteger serial) {
        return serial.toString(16);
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a stored certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The URIs of the certificate's CRL distribution points (the verifier fetches the HTTP ones). */
    static List<String> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<String> uris = new ArrayList<>();
        try {
            ASN1Primitive value = JcaX509ExtensionUtils.parseExtensionValue(extension);
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                            uris.add(general.getName().toString());
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        return uris;
    }
}
