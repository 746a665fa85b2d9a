package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.connectors.signature.TrustAnchors;
import org.w3c.dom.Element;

/**
 * Whom {@code lmx conformance} trusts for the partner's receipts: the {@code --trust} files (a CA certificate as a CA,
 * any other as pinned), else the trust entries of the partner's latest agreement file (DRAFT included: the check
 * runs before the agreement is made ACTIVE), else the partner's certificate in the PKI directory.
 */
record PartnerTrust(TrustAnchors anchors, String source) {

    static PartnerTrust of(List<Path> trustFiles, Optional<ExistingAgreements.AgreementFileInfo> agreement, Path pkiDir,
                           String party) throws CliFailure, PkiException {
        if (trustFiles != null && !trustFiles.isEmpty()) {
            List<X509Certificate> certificates = new ArrayList<>();
            for (Path file : trustFiles) {
                certificates.addAll(Pem.readCertificates(file));
            }
            return new PartnerTrust(anchors(certificates), "--trust " + trustFiles);
        }
        if (agreement.isPresent()) {
            return fromAgreement(agreement.get(), pkiDir);
        }
        Path own = pkiDir.resolve(PartyIds.fileName(party) + ".crt.pem");
        if (Files.exists(own)) {
            return new PartnerTrust(TrustAnchors.pinned(Pem.readCertificates(own)), own.toString());
        }
        throw new CliFailure("no certificate of " + party + " to verify its receipts with: no agreement file of "
                + party + ", no " + own + "; give --trust FILE or --agreement-file FILE");
    }

    private static PartnerTrust fromAgreement(ExistingAgreements.AgreementFileInfo agreement, Path pkiDir)
            throws CliFailure, PkiException {
        Element trust = ExistingAgreements.child(agreement.root(), "Trust");
        List<X509Certificate> authorities = new ArrayList<>();
        List<X509Certificate> pinned = new ArrayList<>();
        for (Element entry : trust == null ? List.<Element>of() : ExistingAgreements.children(trust, "TrustEntry")) {
            String inline = ExistingAgreements.text(entry, "Certificate");
            String file = ExistingAgreements.text(entry, "CertificateFile");
            List<X509Certificate> certificates;
            if (inline != null) {
                certificates = Pem.parseCertificates("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(
                        Base64.getMimeDecoder().decode(inline)) + "\n-----END CERTIFICATE-----\n");
            } else {
                Path resolved = pkiDir.resolve(file).normalize();
                if (!resolved.startsWith(pkiDir.normalize()) || !Files.isRegularFile(resolved)) {
                    throw new CliFailure(agreement.file() + " names the trust file " + file + ", which is not in " + pkiDir);
                }
                certificates = Pem.readCertificates(resolved);
            }
            ("CA".equals(ExistingAgreements.text(entry, "Role")) ? authorities : pinned).addAll(certificates);
        }
        if (authorities.isEmpty() && pinned.isEmpty()) {
            throw new CliFailure(agreement.file() + " has no trust entry to verify the partner's receipts with");
        }
        return new PartnerTrust(new TrustAnchors(Set.copyOf(authorities), Set.copyOf(pinned)),
                agreement.file() + " (" + agreement.id() + " version " + agreement.version() + ", " + agreement.status() + ")");
    }

    private static TrustAnchors anchors(List<X509Certificate> certificates) {
        return new TrustAnchors(Set.copyOf(certificates.stream().filter(c -> c.getBasicConstraints() >= 0).toList()),
                Set.copyOf(certificates.stream().filter(c -> c.getBasicConstraints() < 0).toList()));
    }
}
