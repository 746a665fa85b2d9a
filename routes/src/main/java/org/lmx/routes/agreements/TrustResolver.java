package org.lmx.routes.agreements;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.xsd.agreement.v1.TrustEntry;
import org.lmx.xsd.agreement.v1.TrustRole;

/**
 * Turns an agreement's trust entries into certificates at import: an inline certificate is decoded, a
 * CertificateFile is read from the trust directory (and nowhere else). Each entry is checked against its role:
 * a CA entry must be a CA certificate, a PINNED entry must carry the partner's party URI.
 */
final class TrustResolver {

    /** Far more than any certificate; a bigger file is not one. */
    private static final long MAX_CERTIFICATE_FILE_BYTES = 256 * 1024;

    private final Path trustDir;

    TrustResolver(Path trustDir) {
        this.trustDir = trustDir.toAbsolutePath().normalize();
    }

    /** The entries' certificates in file order; a problem for every entry that cannot be used. */
    List<TrustCertificate> resolve(List<TrustEntry> entries, String partner, List<Problem> problems) {
        List<TrustCertificate> resolved = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            TrustEntry entry = entries.get(i);
            String where = "Trust/TrustEntry[" + (i + 1) + "]";
            certificate(entry, where, problems).ifPresent(certificate -> {
                if (fitsRole(entry.getRole(), certificate, partner, where, problems)) {
                    resolved.add(new TrustCertificate(resolved.size() + 1, entry.getRole(), entry.getLabel(), certificate,
                            entry.getCertificateFile(), entry.getCrlUrl(),
                            entry.getNotAfter() == null ? null : entry.getNotAfter().toInstant()));
                }
            });
        }
        return resolved;
    }

    private Optional<X509Certificate> certificate(TrustEntry entry, String where, List<Problem> problems) {
        if (entry.getCertificate() != null) {
            return single(decode(entry.getCertificate(), where + "/Certificate", problems), where + "/Certificate",
                    "the inline certificate", problems);
        }
        String name = entry.getCertificateFile();
        String fileWhere = where + "/CertificateFile";
        Optional<Path> file = fileInTrustDir(name, fileWhere, problems);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            if (Files.size(file.get()) > MAX_CERTIFICATE_FILE_BYTES) {
                problems.add(new Problem(fileWhere, name + " is larger than " + MAX_CERTIFICATE_FILE_BYTES
                        + " bytes: not a certificate file"));
                return Optional.empty();
            }
            bytes = Files.readAllBytes(file.get());
        } catch (IOException e) {
            problems.add(new Problem(fileWhere, "cannot read " + name + " in the trust directory: " + e.getMessage()));
            return Optional.empty();
        }
        return single(decode(bytes, fileWhere, problems), fileWhere, name, problems);
    }

    /**
     * The file under the trust directory, refusing whatever could reach outside it: absolute paths, dot
     * segments, and symbolic links that lead elsewhere (the schema's pattern already excludes the first two).
     */
    private Optional<Path> fileInTrustDir(String name, String where, List<Problem> problems) {
        if (name == null || name.isBlank() || name.startsWith("/") || name.contains("\\")
                || List.of(name.split("/")).stream().anyMatch(segment -> segment.isEmpty() || segment.startsWith("."))) {
            problems.add(new Problem(where, "'" + name + "' is not a path relative to the trust directory "
                    + "(forward slashes, no absolute path, no segment starting with a dot)"));
            return Optional.empty();
        }
        Path file = trustDir.resolve(name).normalize();
        if (!file.startsWith(trustDir) || !Files.isRegularFile(file)) {
            problems.add(new Problem(where, "no file " + name + " in the trust directory " + trustDir));
            return Optional.empty();
        }
        try {
            if (!file.toRealPath().startsWith(trustDir.toRealPath())) {
                problems.add(new Problem(where, name + " is a link that leads out of the trust directory " + trustDir));
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.add(new Problem(where, "cannot resolve " + name + " in the trust directory: " + e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** PEM (one or more BEGIN CERTIFICATE blocks) or DER. */
    private static List<X509Certificate> decode(byte[] bytes, String where, List<Problem> problems) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        try {
            if (text.contains("-----BEGIN ")) {
                return Pem.parseCertificates(text);
            }
            Collection<? extends java.security.cert.Certificate> decoded =
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> certificates = new ArrayList<>();
            for (java.security.cert.Certificate c : decoded) {
                certificates.add((X509Certificate) c);
            }
            if (certificates.isEmpty()) {
                problems.add(new Problem(where, "holds no X.509 certificate"));
            }
            return certificates;
        } catch (PkiException | CertificateException | RuntimeException e) {
            problems.add(new Problem(where, "not a readable X.509 certificate (PEM or DER): " + e.getMessage()));
            return List.of();
        }
    }

    private static Optional<X509Certificate> single(List<X509Certificate> certificates, String where, String what,
                                                    List<Problem> problems) {
        if (certificates.size() > 1) {
            problems.add(new Problem(where, what + " holds " + certificates.size() + " certificates; a trust entry "
                    + "names exactly one (give each certificate its own TrustEntry)"));
            return Optional.empty();
        }
        return certificates.stream().findFirst();
    }

    private static boolean fitsRole(TrustRole role, X509Certificate certificate, String partner, String where,
                                    List<Problem> problems) {
        String subject = certificate.getSubjectX500Principal().getName();
        if (role == TrustRole.CA && certificate.getBasicConstraints() < 0) {
            problems.add(new Problem(where + "/Role", "CA, but the certificate " + subject + " is not a CA "
                    + "certificate (no basicConstraints CA:true); a partner's signing certificate is PINNED"));
            return false;
        }
        if (role == TrustRole.PINNED) {
            List<String> parties = PartyIds.partiesOf(certificate);
            Optional<String> party = PartyIds.partyOf(certificate);
            if (party.isEmpty() || !party.get().equals(partner)) {
                problems.add(new Problem(where + "/Role", "PINNED, but the certificate " + subject + " is not bound "
                        + "to the partner: it must carry the subjectAltName URI " + PartyIds.URI_PREFIX + partner
                        + (parties.isEmpty() ? " and carries no party URI" : " and carries " + parties)));
                return false;
            }
        }
        return true;
    }
}
