package org.lmx.connectors.signature;

import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertPathValidatorException.BasicReason;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXReason;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
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

    /** @return warnings that did not fail the check (soft-fail without a CRL) */
    List<String> validate(List<X509Certificate> chain, TrustAnchors trust, VerificationOptions options)
            throws SignatureException {
        X509Certificate signer = chain.get(0);
        checkKeyUsage(signer);
        List<String> warnings = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>(options.crls());
        // Revocation is looked up only for a certificate a trusted CA really issued (or a pinned one): a
        // stranger's certificate must never make the hub fetch a URL it names; it fails the path check below.
        if (options.revocation() != RevocationPolicy.NONE && vouchedFor(signer, trust) && !coveredBy(signer, crls)) {
            distributionPoints(signer).stream().map(crlSource::fetch).flatMap(Optional::stream).forEach(crls::add);
            if (!coveredBy(signer, crls)) {
                String why = "no CRL of " + signer.getIssuerX500Principal().getName() + " could be had for "
                        + describe(signer) + " (distribution points " + distributionPoints(signer) + ")";
                if (options.revocation() == RevocationPolicy.CRL_HARD_FAIL) {
                    throw new SignatureException(SignatureError.CERT_REVOCATION_UNKNOWN, why);
                }
                warnings.add(why + "; accepted under CRL_SOFT_FAIL");
            }
        }
        boolean checkRevocation = options.revocation() != RevocationPolicy.NONE && coveredBy(signer, crls);

        if (trust.pinned().contains(signer)) {
            checkPinned(signer, crls, checkRevocation, options.validationTime());
        } else {
            checkPath(chain, trust, crls, checkRevocation, options.validationTime());
        }
        return warnings;
    }

    private static void checkPinned(X509Certificate signer, List<X509CRL> crls, boolean checkRevocation, Instant at)
            throws SignatureException {
        try {
            signer.checkValidity(Date.from(at));
        } catch (CertificateExpiredException e) {
            throw new SignatureException(SignatureError.CERT_EXPIRED, describe(signer) + " expired on "
                    + signer.getNotAfter().toInstant() + ", before the validation time " + at, e);
        } catch (CertificateNotYetValidException e) {
            throw new SignatureException(SignatureError.CERT_NOT_YET_VALID, describe(signer) + " is valid only from "
                    + signer.getNotBefore().toInstant() + ", after the validation time " + at, e);
        }
        if (checkRevocation && crls.stream().anyMatch(crl -> crl.isRevoked(signer))) {
            throw new SignatureException(SignatureError.CERT_REVOKED, describe(signer) + " is on its issuer's CRL");
        }
    }

    private static void checkPath(List<X509Certificate> chain, TrustAnchors trust, List<X509CRL> crls,
                                  boolean checkRevocation, Instant at) throws SignatureException {
        X509Certificate signer = chain.get(0);
        if (trust.authorities().isEmpty()) {
            throw new SignatureException(SignatureError.CERT_UNTRUSTED, describe(signer)
                    + " is not one of the pinned certificates of this agreement");
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            CertPath path = factory.generateCertPath(withoutAnchors(chain, trust));
            Set<TrustAnchor> anchors = trust.authorities().stream().map(ca -> new TrustAnchor(ca, null))
                    .collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(at));
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            if (checkRevocation) {
                parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
                PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
                revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                        PKIXRevocationChecker.Option.NO_FALLBACK, PKIXRevocationChecker.Option.ONLY_END_ENTITY));
                parameters.addCertPathChecker(revocation);
                parameters.setRevocationEnabled(true);
            } else {
                parameters.setRevocationEnabled(false);
            }
            validator.validate(path, parameters);
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

    private static boolean vouchedFor(X509Certificate signer, TrustAnchors trust) {
        if (trust.pinned().contains(signer)) {
            return true;
        }
        for (X509Certificate ca : trust.authorities()) {
            try {
                if (ca.getSubjectX500Principal().equals(signer.getIssuerX500Principal())) {
                    signer.verify(ca.getPublicKey());
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // not this CA's signature: try the next one
            }
        }
        return false;
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

    private static boolean coveredBy(X509Certificate certificate, List<X509CRL> crls) {
        return crls.stream().anyMatch(crl -> crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal()));
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
