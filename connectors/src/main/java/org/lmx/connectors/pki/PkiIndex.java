package org.lmx.connectors.pki;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Renders {@code INDEX.md}: which file holds what, for each party its algorithm, serial, validity and status. */
final class PkiIndex {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'")
            .withZone(ZoneOffset.UTC);

    private PkiIndex() {
    }

    static String render(PkiDirectory pki) throws PkiException {
        CertificateAuthority ca = pki.ca();
        X509Certificate caCertificate = ca.certificate();
        Map<BigInteger, Revocation> revoked = ca.revocations().stream()
                .collect(Collectors.toMap(Revocation::serial, Function.identity()));
        StringBuilder md = new StringBuilder();
        md.append("# LMX development PKI\n\n")
                .append("Development only: anyone who can read this directory can sign as any party in it. "
                        + "Kept by `lmx pki`; regenerated after every change.\n\n")
                .append("- CA certificate: `").append(CertificateAuthority.CERTIFICATE_FILE).append("` (")
                .append(caCertificate.getSubjectX500Principal().getName()).append(", ")
                .append(KeyStrength.describe(caCertificate.getPublicKey())).append(", valid ")
                .append(time(caCertificate.getNotBefore())).append(" to ").append(time(caCertificate.getNotAfter()))
                .append("); give it to relying parties as the trust anchor\n")
                .append("- CA key: `").append(CertificateAuthority.KEY_FILE).append("` (owner-only)\n")
                .append("- CRL: `").append(CertificateAuthority.CRL_FILE).append("`");
        if (Files.exists(pki.crlFile())) {
            X509CRL crl = Pem.readCrl(pki.crlFile());
            md.append(", issued ").append(time(crl.getThisUpdate())).append(", next update ")
                    .append(time(crl.getNextUpdate()));
        }
        md.append("; certificates point to it at ").append(ca.crlUrl()).append('\n')
                .append("- PKCS#12 password (all `.p12` files): `").append(PkiDirectory.PASSWORD_FILE)
                .append("` (owner-only)\n")
                .append("- Revoked: ").append(revoked.isEmpty() ? "none" : revoked.size() + " certificate(s)")
                .append(" (`").append(CertificateAuthority.REVOKED_FILE).append("`); every certificate issued "
                        + "is kept in `").append(CertificateAuthority.ISSUED_DIR).append("/SERIAL.crt.pem`\n\n")
                .append("| party | organisation | key | certificate | PKCS#12 | algorithm | serial | valid from "
                        + "| valid until | status |\n")
                .append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (String party : pki.parties()) {
            X509Certificate certificate;
            try {
                certificate = Pem.readCertificate(pki.certificateFile(party));
            } catch (PkiException e) {
                // One damaged file must not stop the index (nor the command that rewrites it) from saying so.
                md.append("| ").append(party).append(" | | | `").append(pki.certificateFile(party).getFileName())
                        .append("` | | | | | | unreadable: ").append(e.getMessage().replace('|', '/')).append(" |\n");
                continue;
            }
            Revocation revocation = revoked.get(certificate.getSerialNumber());
            md.append("| ").append(party)
                    .append(" | ").append(DemoParties.find(party).map(DemoParties.DemoParty::name).orElse(""))
                    .append(" | ").append(fileOrDash(pki.keyFile(party)))
                    .append(" | ").append(fileOrDash(pki.certificateFile(party)))
                    .append(" | ").append(fileOrDash(pki.pkcs12File(party)))
                    .append(" | ").append(KeyStrength.describe(certificate.getPublicKey()))
                    .append(" | ").append(CertificateAuthority.serialHex(certificate.getSerialNumber()))
                    .append(" | ").append(time(certificate.getNotBefore()))
                    .append(" | ").append(time(certificate.getNotAfter()))
                    .append(" | ").append(revocation == null ? "valid"
                            : "REVOKED " + TIME.format(revocation.revokedAt()) + " (" + revocation.reason().rfcName() + ")")
                    .append(" |\n");
        }
        md.append("\nCheck a certificate with openssl: `openssl verify -CAfile ").append(CertificateAuthority.CERTIFICATE_FILE)
                .append(" -crl_check -CRLfile ").append(CertificateAuthority.CRL_FILE).append(" KOR_MOEL.crt.pem`\n");
        return md.toString();
    }

    private static String fileOrDash(Path file) {
        return Files.exists(file) ? "`" + file.getFileName() + "`" : "-";
    }

    private static String time(Date date) {
        return TIME.format(date.toInstant());
    }
}
