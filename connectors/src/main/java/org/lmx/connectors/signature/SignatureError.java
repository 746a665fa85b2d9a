package org.lmx.connectors.signature;

/**
 * Why a signed document was refused. Each rule has its own stable code, which goes into REJECTED receipts
 * and into the README's table; the structural rules are checked before any cryptography so that, for
 * example, a SHA-1 signature gets {@link #SIGNATURE_ALGORITHM} and not a JDK error.
 */
public enum SignatureError {
    MISSING("LMX-SIG-MISSING", "the document is not signed"),
    MULTIPLE("LMX-SIG-MULTIPLE", "the document carries more than one ds:Signature"),
    NOT_LAST("LMX-SIG-NOT-LAST", "ds:Signature is not the last element child of the root"),
    MALFORMED("LMX-SIG-MALFORMED", "ds:Signature does not have the XMLDSig structure"),
    UNEXPECTED_CONTENT("LMX-SIG-UNEXPECTED-CONTENT", "ds:Signature carries ds:Object or ds:Manifest content, which the signature would not cover"),
    CANONICALIZATION("LMX-SIG-C14N", "SignedInfo is not canonicalized with exclusive c14n without comments"),
    PREFIX_LIST("LMX-SIG-PREFIX-LIST", "an InclusiveNamespaces prefix list is present"),
    SIGNATURE_ALGORITHM("LMX-SIG-SIGNATURE-ALGORITHM", "the signature algorithm is not RSA-SHA256/384/512 or ECDSA-SHA256/384"),
    REFERENCE_COUNT("LMX-SIG-REFERENCE-COUNT", "SignedInfo does not hold exactly one Reference"),
    REFERENCE_URI("LMX-SIG-REFERENCE-URI", "the Reference is not URI=\"\" (the whole document)"),
    TRANSFORMS("LMX-SIG-TRANSFORMS", "the Reference's transforms are not exactly enveloped-signature then exclusive c14n"),
    DIGEST_ALGORITHM("LMX-SIG-DIGEST-ALGORITHM", "the digest algorithm is not SHA-256 or stronger"),
    NO_CERTIFICATE("LMX-SIG-NO-CERTIFICATE", "KeyInfo/X509Data does not carry the signer's certificate"),
    DIGEST_MISMATCH("LMX-SIG-DIGEST-MISMATCH", "the signed content was changed after signing"),
    INVALID("LMX-SIG-INVALID", "the signature value does not verify with the certificate's key"),
    CERT_UNTRUSTED("LMX-CERT-UNTRUSTED", "the signer's certificate does not chain to a trusted CA or pinned certificate"),
    CERT_EXPIRED("LMX-CERT-EXPIRED", "the signer's certificate had expired at the validation time"),
    CERT_NOT_YET_VALID("LMX-CERT-NOT-YET-VALID", "the signer's certificate was not yet valid at the validation time"),
    CERT_REVOKED("LMX-CERT-REVOKED", "the signer's certificate is revoked"),
    CERT_REVOCATION_UNKNOWN("LMX-CERT-REVOCATION-UNKNOWN", "no current CRL covers the signer's certificate and the policy is hard-fail"),
    CERT_KEY_USAGE("LMX-CERT-KEY-USAGE", "the signer's certificate is not for digital signatures"),
    CERT_NO_PARTY("LMX-CERT-NO-PARTY", "the signer's certificate carries no urn:lmx:party: subjectAltName URI"),
    CERT_WRONG_PARTY("LMX-CERT-WRONG-PARTY", "the signer's certificate names another party than expected");

    private final String code;
    private final String meaning;

    SignatureError(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The stable code, e.g. {@code LMX-SIG-DIGEST-ALGORITHM}. */
    public String code() {
        return code;
    }

    /** What the code means, in one sentence. */
    public String meaning() {
        return meaning;
    }
}
