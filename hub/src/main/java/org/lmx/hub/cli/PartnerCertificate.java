package org.lmx.hub.cli;

import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;

/**
 * The certificate a new partner's signatures are verified against, and its trust entry: the partner's own key
 * certified by the hub's CA from its CSR (PINNED, with the CA's CRL), the partner's CA imported (CA), or the partner's
 * signing certificate imported (PINNED). Every refusal comes before anything is written; the trust file's name
 * carries the serial or the fingerprint, so that a later certificate of the same partner (a rotation) never
 * overwrites this one.
 */
record PartnerCertificate(X509Certificate certificate, String role, String label, String trustFile, URI crlUrl,
                          boolean issuedHere) {

    /** Where partners' certificates go inside the trust directory (the hub's pki/). */
    static final String TRUST_SUBDIR = "partners";

    /** Refusals a CSR gets before the CA is asked: a party it names that is not {@code party}. */
    static void requireCsrFor(PKCS10CertificationRequest csr, String party) throws CliFailure {
        Set<String> claimed = new LinkedHashSet<>(partiesNamedIn(csr));
        claimed.remove(party);
        if (!claimed.isEmpty()) {
            throw new CliFailure("the CSR names " + String.join(", ", claimed) + ", not " + party
                    + ": a certificate binds one party; ask " + party + " for a CSR of its own key (or onboard "
                    + String.join(", ", claimed) + " instead)");
        }
    }

    /** The hub's CA certifies the partner's key from its CSR (the CA checks the CSR's signature and key strength). */
    static PartnerCertificate fromCsr(PkiDirectory pki, String party, PKCS10CertificationRequest csr, Duration validity)
            throws PkiException {
        X509Certificate certificate = pki.ca().signCsr(csr, party, validity);
        return new PartnerCertificate(certificate, "PINNED", party + " signing certificate, serial "
                + CertificateAuthority.serialHex(certificate.getSerialNumber()) + " of the hub CA",
                TRUST_SUBDIR + "/" + PartyIds.fileName(party) + "-" + CertificateAuthority.serialHex(certificate.getSerialNumber())
                        + ".crt.pem", pki.ca().crlUrl(), true);
    }

    /** A stand-in for {@link #fromCsr}'s certificate, from a scratch CA, to check the draft before the CA issues. */
    static PartnerCertificate provisional(String party, PKCS10CertificationRequest csr, URI crlUrl) throws CliFailure {
        PublicKey key;
        try {
            key = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new CliFailure("the CSR's public key cannot be read: " + e.getMessage(), e);
        }
        X509Certificate certificate;
        try {
            certificate = ScratchCa.certify(party, key);
        } catch (IllegalStateException e) {
            // a weak or unsupported key: the hub's CA gives the precise refusal
            return null;
        }
        return new PartnerCertificate(certificate, "PINNED", party + " signing certificate, serial 00 of the hub CA",
                TRUST_SUBDIR + "/" + PartyIds.fileName(party) + "-00.crt.pem", crlUrl, true);
    }

    /** The partner's CA: a CA certificate, in its validity. */
    static PartnerCertificate fromCa(Path file, String party, URI crlUrl, Instant now) throws PkiException, CliFailure {
        X509Certificate certificate = single(file);
        if (certificate.getBasicConstraints() < 0) {
            throw new CliFailure(file + " is not a CA certificate (no basicConstraints CA:true): a partner's signing "
                    + "certificate is imported with --certificate");
        }
        requireInValidity(file, certificate, now);
        return new PartnerCertificate(certificate, "CA", party + " CA " + shortSubject(certificate),
                TRUST_SUBDIR + "/" + PartyIds.fileName(party) + "-ca-" + fingerprint(certificate).substring(0, 16)
                        + ".crt.pem", crlUrl, false);
    }

    /** The partner's signing certificate: bound to the party, not a CA, in its validity. */
    static PartnerCertificate fromCertificate(Path file, String party, URI crlUrl, Instant now)
            throws PkiException, CliFailure {
        X509Certificate certificate = single(file);
        if (certificate.getBasicConstraints() >= 0) {
            throw new CliFailure(file + " is a CA certificate: import it with --ca");
        }
        List<String> parties = PartyIds.partiesOf(certificate);
        if (!parties.equals(List.of(party))) {
            throw new CliFailure(file + " is not bound to " + party + ": a signing certificate must carry the "
                    + "subjectAltName URI " + PartyIds.uri(party) + (parties.isEmpty() ? " and this one carries no party URI"
                    : " and this one carries " + parties));
        }
        requireInValidity(file, certificate, now);
        return new PartnerCertificate(certificate, "PINNED", party + " signing certificate "
                + CertificateAuthority.serialHex(certificate.getSerialNumber()),
                TRUST_SUBDIR + "/" + PartyIds.fileName(party) + "-" + fingerprint(certificate).substring(0, 16)
                        + ".crt.pem", crlUrl, false);
    }

    String fingerprint() {
        return fingerprint(certificate);
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return Sha256.hex(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("a parsed certificate cannot be encoded again: " + e, e);
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = PkiSubcommand.TIME;

    private static X509Certificate single(Path file) throws PkiException, CliFailure {
        List<X509Certificate> certificates = Pem.readCertificates(file);
        if (certificates.size() != 1) {
            throw new CliFailure(file + " holds " + certificates.size() + " certificates; give the one to trust");
        }
        return certificates.get(0);
    }

    private static void requireInValidity(Path file, X509Certificate certificate, Instant now) throws CliFailure {
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            throw new CliFailure(file + " expired on " + TIME.format(certificate.getNotAfter().toInstant())
                    + " (" + certificate.getSubjectX500Principal().getName() + "): nothing signed under it would be "
                    + "accepted; ask the partner for its current certificate");
        }
        if (certificate.getNotBefore().toInstant().isAfter(now)) {
            throw new CliFailure(file + " is not valid before " + TIME.format(certificate.getNotBefore().toInstant())
                    + ": onboard it once it is");
        }
    }

    private static String shortSubject(X509Certificate certificate) {
        String subject = certificate.getSubjectX500Principal().getName();
        return subject.length() > 60 ? subject.substring(0, 60) : subject;
    }

    /**
     * Parties a CSR names: subjectAltName URIs {@code urn:lmx:party:...} in its extension request, and subject
     * values that are party ids or party URIs (e.g. {@code CN=UZB:MEHNAT}).
     */
    static List<String> partiesNamedIn(PKCS10CertificationRequest csr) {
        List<String> parties = new ArrayList<>();
        for (Attribute attribute : csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
            for (ASN1Encodable value : attribute.getAttrValues()) {
                GeneralNames names = GeneralNames.fromExtensions(Extensions.getInstance(value), Extension.subjectAlternativeName);
                if (names == null) {
                    continue;
                }
                for (GeneralName name : names.getNames()) {
                    if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        claimed(name.getName().toString(), parties);
                    }
                }
            }
        }
        for (RDN rdn : csr.getSubject().getRDNs()) {
            for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
                claimed(IETFUtils.valueToString(value.getValue()), parties);
            }
        }
        return parties;
    }

    private static void claimed(String value, List<String> parties) {
        String text = value.strip();
        if (text.toLowerCase(Locale.ROOT).startsWith(PartyIds.URI_PREFIX)) {
            text = text.substring(PartyIds.URI_PREFIX.length());
        }
        if (PartyIds.isValid(text)) {
            parties.add(text);
        }
    }
}
