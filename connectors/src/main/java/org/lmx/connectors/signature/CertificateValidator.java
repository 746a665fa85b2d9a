package org.lmx.connectors.signature;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.lmx.xsd.agreement.v1.RevocationPolicy;

/**
 * Decides whether a signer's certificate is trusted at a validation time: PKIX path validation to one of the
 * CA anchors (or an exact pinned certificate), key usage for signatures, and CRL checking by the policy with
 * CRLs given by the caller or fetched from the certificate's distribution point.
 */
final class CertificateValidator {

    private static final int DIGITAL_SIGNATURE = 0;
    private static final int NON_REPUDIATION = 1;

    private final CrlSource crlSource;

    CertificateValidator(CrlSource crlSource) {
        this.crlSource = crlSource;
    }

    /** @return warnings that did not fail the check (soft-fail without a usable CRL) */
    List<String> validate(List<X509Certificate> chain, TrustAnchors trust, VerificationOptions options)
            throws SignatureException {
        X509Certificate signer = chain.get(0);
        checkKeyUsage(signer);
        Instant at = options.validationTime();
        X509Certificate issuer;
        if (trust.pinned().contains(signer)) {
            checkValidity(signer, at);
            issuer = issuerOf(signer, chain, trust);
        } else {
            // the path first: a stranger's certificate must never make the hub fetch a URL it names
            issuer = checkPath(chain, trust, at);
        }
        List<String> warnings = new ArrayList<>();
        if (options.revocation() != RevocationPolicy.NONE) {
            checkRevocation(signer, issuer, options, warnings);
        }
        return warnings;
    }

    /**
     * CRL checking of the signer (end entity) with CRLs given by the caller, else fetched from the agreement's
     * CRL URLs and the certificate's distribution points. Only a CRL signed by the signer's issuer and covering
     * the validation time counts; without one, hard-fail refuses and soft-fail warns.
     */
    private void checkRevocation(X509Certificate signer, X509Certificate issuer, VerificationOptions options,
                                 List<String> warnings) throws SignatureException {
        Instant at = options.validationTime();
        List<X509CRL> usable = usable(options.crls(), signer, issuer, at);
        if (usable.isEmpty()) {
            List<URI> locations = new ArrayList<>(options.crlUrls());
            locations.addAll(distributionPoints(signer));
            List<X509CRL> fetched = locations.stream().distinct().map(crlSource::fetch).flatMap(Optional::stream).toList();
            usable = usable(fetched, signer, issuer, at);
        }
        if (usable.isEmpty()) {
            String why = "no CRL signed by " + signer.getIssuerX500Principal().getName() + " and current at " + at
                    + " could be had for " + describe(signer) + " (tried " + options.crlUrls() + " and the certificate's "
                    + distributionPoints(signer) + ")";
            if (options.revocation() == RevocationPolicy.CRL_HARD_FAIL) {
                throw new SignatureException(SignatureError.CERT_REVOCATION_UNKNOWN, why);
            }
            warnings.add(why + "; accepted under CRL_SOFT_FAIL");
            return;
        }
        for (X509CRL crl : usable) {
            X509CRLEntry entry = crl.getRevokedCertificate(signer);
            // revoked after the validation time: the signature was good when it was made (evidence checked later)
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
                throw new SignatureException(SignatureError.CERT_REVOKED, describe(signer) + " was revoked on "
                        + entry.getRevocationDate().toInstant() + (entry.getRevocationReason() == null ? ""
                        : " (" + entry.getRevocationReason() + ")") + ", before the validation time " + at);
            }
        }
    }

    /** CRLs of the signer's issuer, signed by it, that speak for the validation time (current then, or issued after it). */
    private static List<X509CRL> usable(List<X509CRL> crls, X509Certificate signer, X509Certificate issuer, Instant at) {
        if (issuer == null) {
            return List.of();
        }
        return crls.stream()
                .filter(crl -> crl.getIssuerX500Principal().equals(signer.getIssuerX500Principal()))
                .filter(crl -> signedBy(crl, issuer))
                .filter(crl -> !crl.getThisUpdate().toInstant().isAfter(Instant.now())
                        && (crl.getNextUpdate() == null || !crl.getNextUpdate().toInstant().isBefore(at)
                            || !crl.getThisUpdate().toInstant().isBefore(at)))
                .toList();
    }

    private static boolean signedBy(X509CRL crl, X509Certificate issuer) {
        try {
            crl.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The certificate that signed {@code certificate}: from the document's chain or the agreement's CAs. */
    private static X509Certificate issuerOf(X509Certificate certificate, List<X509Certificate> chain, TrustAnchors trust) {
        List<X509Certificate> candidates = new ArrayList<>(chain.subList(1, chain.size()));
        candidates.addAll(trust.authorities());
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                try {
                    certificate.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key: not the issuer
                }
            }
        }
        return null;
    }

    private static void checkValidity(X509Certificate signer, Instant at) throws SignatureException {
        try {
            signer.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw new SignatureException(SignatureError.CERT_EXPIRED, describe(signer) + " expired on "
                    + signer.getNotAfter().toInstant() + ", before the validation time " + at, e);
        } catch (CertificateNotYetValidException e) {
            throw new SignatureException(SignatureError.CERT_NOT_YET_VALID, describe(signer) + " is valid only from "
                    + signer.getNotBefore().toInstant() + ", after the validation time " + at, e);
        }
    }

    /** PKIX path validation to one of the CA anchors (revocation is checked separately); returns the signer's issuer. */
    private static X509Certificate checkPath(List<X509Certificate> chain, TrustAnchors trust, Instant at)
            throws SignatureException {
        X509Certificate signer = chain.get(0);
        if (trust.authorities().isEmpty()) {
            throw new SignatureException(SignatureError.CERT_UNTRUSTED, describe(signer)
                    + " is not one of the pinned certificates of this agreement");
        }
        try {
            List<X509Certificate> path = withoutAnchors(chain, trust);
            Set<TrustAnchor> anchors = trust.authorities().stream().map(ca -> new TrustAnchor(ca, null))
                    .collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(at));
            parameters.setRevocationEnabled(false);
            PKIXCertPathValidatorResult result = (PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
            return path.size() > 1 ? path.get(1) : result.getTrustAnchor().getTrustedCert();
        } catch (CertPathValidatorException e) {
            throw translate(e, signer, at);
        } catch (GeneralSecurityException e) {
            throw new SignatureException(SignatureError.CERT_UNTRUSTED, describe(signer) + " cannot be validated: "
                    + e.getMessage(), e);
        }
    }

    private static SignatureException translate(CertPathValidatorException e, X509Certificate signer, Instant at) {
        CertPathValidatorException.Reason reason = e.getReason();
        if (reason == BasicReason.EXPIRED) {
            return new SignatureException(SignatureError.CERT_EXPIRED, describe(signer) + " (or its issuer) had expired at "
                    + at + " (signer valid until " + signer.getNotAfter().toInstant() + ")", e);
        }
        if (reason == BasicReason.NOT_YET_VALID) {
            return new SignatureException(SignatureError.CERT_NOT_YET_VALID, describe(signer) + " was not yet valid at "
                    + at + " (signer valid from " + signer.getNotBefore().toInstant() + ")", e);
        }
        if (reason == BasicReason.REVOKED) {
            return new SignatureException(SignatureError.CERT_REVOKED, describe(signer) + " is revoked: " + e.getMessage(), e);
        }
        if (reason == BasicReason.UNDETERMINED_REVOCATION_STATUS) {
            return new SignatureException(SignatureError.CERT_REVOCATION_UNKNOWN, "the revocation status of "
                    + describe(signer) + " cannot be determined at " + at + ": " + e.getMessage(), e);
        }
        String why = reason == PKIXReason.NO_TRUST_ANCHOR
                ? "its issuer " + signer.getIssuerX500Principal().getName() + " is not a trusted CA of this agreement"
                : e.getMessage();
        return new SignatureException(SignatureError.CERT_UNTRUSTED, describe(signer) + " is not trusted: " + why, e);
    }

    private static void checkKeyUsage(X509Certificate signer) throws SignatureException {
        boolean[] usage = signer.getKeyUsage();
        if (usage == null || !(usage[DIGITAL_SIGNATURE] || usage[NON_REPUDIATION])) {
            throw new SignatureException(SignatureError.CERT_KEY_USAGE, describe(signer)
                    + " has no keyUsage digitalSignature or nonRepudiation");
        }
    }

    private static List<X509Certificate> withoutAnchors(List<X509Certificate> chain, TrustAnchors trust) {
        return chain.stream().filter(c -> !trust.authorities().contains(c)).toList();
    }

    /** The HTTP(S) URIs of the certificate's CRL distribution points. */
    static List<URI> distributionPoints(X509Certificate certificate) {
        byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (extension == null) {
            return List.of();
        }
        List<URI> uris = new ArrayList<>();
        try {
            ASN1Primitive value = JcaX509ExtensionUtils.parseExtensionValue(extension);
            for (DistributionPoint point : CRLDistPoint.getInstance(value).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        uris.add(URI.create(general.getName().toString()));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
        return uris;
    }

    static String describe(X509Certificate certificate) {
        return "certificate '" + certificate.getSubjectX500Principal().getName() + "' (serial "
                + certificate.getSerialNumber().toString(16) + ")";
    }
}
