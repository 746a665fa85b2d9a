package org.lmx.hub.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.CurrentAgreement;
import org.lmx.routes.agreements.Problem;
import org.lmx.routes.agreements.ValidationReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lmx partner onboard}: the partner's certificate (its CSR certified by the hub's CA, its CA or its signing
 * certificate imported into the trust directory) and a DRAFT agreement for review, checked with the hub's own
 * import rules; then the next steps. Every input is checked, and the draft validated against a copy of the trust
 * file in a scratch directory, before anything is written: bad input leaves the data directory as it was.
 */
@Command(name = "onboard",
        mixinStandardHelpOptions = true,
        description = {"Bring a new partner in: its certificate and a DRAFT agreement for review.",
                "Writes the trust certificate to DATA_DIR/pki/partners/, and to OUT (default DATA_DIR/onboarding/<PARTY>) "
                        + "the DRAFT agreement, the partner's certificate (from a CSR) and the hub's certificates the "
                        + "partner must trust. Exit 0 written, 1 refused (nothing written), 2 usage."})
final class PartnerOnboardCommand implements Callable<Integer> {

    enum Transport { PUSH, PULL }

    enum Kind { FOREIGN_MINISTRY, NGO, RECRUITER }

    enum Revocation { NONE, CRL_SOFT_FAIL, CRL_HARD_FAIL }

    /** Exactly one way to trust the partner's signatures. */
    static final class Credentials {
        @Option(names = "--csr", required = true, paramLabel = "FILE",
                description = "the partner's CSR (PEM): the hub's CA certifies its key for PARTY")
        Path csr;

        @Option(names = "--ca", required = true, paramLabel = "FILE",
                description = "the partner's CA certificate (PEM), imported as a CA trust entry")
        Path ca;

        @Option(names = "--certificate", required = true, paramLabel = "FILE",
                description = "the partner's signing certificate (PEM), imported as a PINNED trust entry")
        Path certificate;
    }

    @Option(names = "--party", required = true, paramLabel = "PARTY", converter = PkiConverters.PartyId.class,
            description = "the partner's party id, e.g. KOR:MOEL")
    String party;

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "the partner's official name (in English)")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Credentials credentials;

    @Option(names = "--transport", required = true, paramLabel = "PUSH|PULL",
            description = "PUSH: the partner runs the Exchange service at --endpoint; PULL: it fetches from the hub")
    Transport transport;

    @Option(names = "--endpoint", paramLabel = "URL", description = "the partner's Exchange service (PUSH only)")
    URI endpoint;

    @Option(names = "--soap-version", paramLabel = "1.1|1.2", defaultValue = "1.2",
            description = "the SOAP version of the partner's endpoint (PUSH; default ${DEFAULT-VALUE})")
    String soapVersion;

    @Option(names = "--documents", split = ",", paramLabel = "TYPE",
            description = "the business documents exchanged (default: a partner ministry's: work permits, contract "
                    + "vetting, consular cases, quota notices); the control documents are always allowed")
    List<String> documents;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "FOREIGN_MINISTRY",
            description = "FOREIGN_MINISTRY, NGO or RECRUITER (default ${DEFAULT-VALUE})")
    Kind kind;

    @Option(names = "--revocation", paramLabel = "POLICY", defaultValue = "CRL_SOFT_FAIL",
            description = "NONE, CRL_SOFT_FAIL or CRL_HARD_FAIL (default ${DEFAULT-VALUE})")
    Revocation revocation;

    @Option(names = "--crl-url", paramLabel = "URL",
            description = "the partner CA's CRL (--ca, --certificate; default: the certificate's distribution point)")
    URI crlUrl;

    @Option(names = "--days", paramLabel = "N", converter = PkiConverters.Days.class,
            description = "validity of a certificate issued from --csr, in days (default 730)")
    Duration validity = PkiDirectory.DEFAULT_CERTIFICATE_VALIDITY;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the hub's data directory (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--out", paramLabel = "DIR", description = "where the draft and the partner's kit go")
    Path out;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        Instant now = clock.instant();
        Path pkiDir = dataDir.resolve("pki");
        Path agreementsDir = dataDir.resolve("agreements");
        Path outDir = out != null ? out : dataDir.resolve("onboarding").resolve(PartyIds.fileName(party));
        checkInput(pkiDir);
        PartnerDocuments types = PartnerDocuments.of(documents, transport == Transport.PULL);
        // a partner onboarded again (a new certificate, a new transport) gets the next version of its agreement
        String agreementId = ExistingAgreements.latestOf(party, List.of(agreementsDir))
                .map(ExistingAgreements.AgreementFileInfo::id).orElse(EnvelopeFiller.defaultAgreement(party));
        long version = ExistingAgreements.nextVersion(agreementsDir, agreementId, party);
        DraftAgreement.Transport how = new DraftAgreement.Transport(endpoint, soapVersion);
        Path draftFile = outDir.resolve(how.fileNamePrefix() + party.replace(':', '-') + ".xml");
        if (Files.exists(draftFile)) {
            throw new CliFailure(draftFile + " exists already: review and use it, or move it away to onboard again");
        }

        // the partner's certificate; the hub's CA certifies a CSR's key only once the CSR (party, signature, key) and
        // a draft with a provisional certificate of that key have passed, so that a refusal leaves the CA unchanged
        PartnerCertificate partner;
        if (credentials.csr != null) {
            PKCS10CertificationRequest csr = Pem.readCsr(credentials.csr);
            PartnerCertificate.requireCsrFor(csr, party);
            PkiDirectory pki = openCa(pkiDir);
            PartnerCertificate provisional = PartnerCertificate.provisional(party, csr, pki.ca().crlUrl());
            if (provisional != null) {
                requireImportable(draft(agreementId, version, how, provisional, types, now), provisional);
            }
            partner = PartnerCertificate.fromCsr(pki, party, csr, validity);
        } else if (credentials.ca != null) {
            partner = PartnerCertificate.fromCa(credentials.ca, party, crlUrl, now);
        } else {
            partner = PartnerCertificate.fromCertificate(credentials.certificate, party, crlUrl, now);
        }
        DraftAgreement draft = draft(agreementId, version, how, partner, types, now);
        byte[] xml = requireImportable(draft, partner);

        // written only now: trust file, draft, and the kit for the partner
        Path trustFile = pkiDir.resolve(partner.trustFile());
        Files.createDirectories(trustFile.getParent());
        Pem.writeCertificate(trustFile, partner.certificate());
        Files.createDirectories(outDir);
        Files.write(draftFile, xml);
        List<Path> kit = new ArrayList<>();
        if (partner.issuedHere()) {
            Path certificate = outDir.resolve(PartyIds.fileName(party) + ".crt.pem");
            Pem.writeCertificates(certificate, List.of(partner.certificate(), Pem.readCertificate(
                    pkiDir.resolve(CertificateAuthority.CERTIFICATE_FILE))));
            kit.add(certificate);
        }
        for (String hubFile : List.of(CertificateAuthority.CERTIFICATE_FILE,
                PartyIds.fileName(EnvelopeFiller.HUB) + ".crt.pem")) {
            if (Files.exists(pkiDir.resolve(hubFile))) {
                Files.copy(pkiDir.resolve(hubFile), outDir.resolve(hubFile), StandardCopyOption.REPLACE_EXISTING);
                kit.add(outDir.resolve(hubFile));
            }
        }
        report(draft, draftFile, trustFile, partner, kit);
        return 0;
    }

    private void checkInput(Path pkiDir) throws CliFailure {
        if (party.equals(EnvelopeFiller.HUB)) {
            throw new CliFailure(party + " is the hub itself, not a partner");
        }
        if (kind == Kind.FOREIGN_MINISTRY && "KAZ".equals(PartyIds.country(party))) {
            throw new CliFailure(party + " is a domestic party, not a foreign ministry: a domestic agency exchanges over "
                    + "the broker's queues (a Queue agreement, see examples/agreements/queue-KAZ-MIA.xml); a domestic "
                    + "NGO or recruiter is onboarded with --kind NGO or RECRUITER");
        }
        if (name.isBlank() || name.strip().length() > 180 || name.chars().anyMatch(Character::isISOControl)) {
            throw new CliFailure("--name: the partner's official name, 1 to 180 characters on one line");
        }
        if (!Files.isDirectory(pkiDir)) {
            throw new CliFailure("no trust directory " + pkiDir + ": give the hub's data directory with --data-dir");
        }
        if (transport == Transport.PUSH) {
            if (endpoint == null) {
                throw new CliFailure("--transport PUSH needs --endpoint, the partner's Exchange service URL");
            }
            if (!endpoint.isAbsolute() || !List.of("http", "https").contains(endpoint.getScheme())
                    || endpoint.getHost() == null) {
                throw new CliFailure("--endpoint " + endpoint + " is not an http(s) URL");
            }
            if (!List.of("1.1", "1.2").contains(soapVersion)) {
                throw new CliFailure("--soap-version " + soapVersion + ": 1.1 or 1.2");
            }
        } else if (endpoint != null) {
            throw new CliFailure("--endpoint is for PUSH: a PULL partner calls the hub and runs no service");
        }
    }

    private static PkiDirectory openCa(Path pkiDir) throws CliFailure {
        try {
            return PkiDirectory.open(pkiDir);
        } catch (PkiException e) {
            throw new CliFailure("--csr needs the hub's CA in " + pkiDir + " to certify the partner's key: [" + e.code()
                    + "] " + e.getMessage() + "; with a CA of your own, certify the key there and use --certificate");
        }
    }

    private DraftAgreement draft(String agreementId, long version, DraftAgreement.Transport how, PartnerCertificate partner,
                                 PartnerDocuments types, Instant now) {
        return new DraftAgreement(agreementId, version, party, name.strip(), kind.name(), how,
                new DraftAgreement.TrustEntry(partner.role(), partner.label(), partner.trustFile(), partner.crlUrl()),
                revocation.name(), types, LocalDate.ofInstant(now, CurrentAgreement.HUB_ZONE));
    }

    /** The draft's bytes, once the hub's own import checks pass on them, with the trust file in a scratch directory. */
    private static byte[] requireImportable(DraftAgreement draft, PartnerCertificate partner)
            throws IOException, PkiException, CliFailure {
        byte[] xml = draft.xml();
        Path scratch = Files.createTempDirectory("lmx-onboard");
        try {
            Path file = scratch.resolve(partner.trustFile());
            Files.createDirectories(file.getParent());
            Pem.writeCertificate(file, partner.certificate());
            AgreementRegistry registry = new AgreementRegistry(ScratchDatabase.create(), scratch, scratch, Clock.systemUTC());
            ValidationReport report = registry.validate(draft.fileName(), xml);
            if (!report.valid()) {
                throw new CliFailure("the draft agreement would be refused by the hub, so nothing is written:\n         - "
                        + String.join("\n         - ", report.problems().stream().map(Problem::toString).toList()));
            }
        } finally {
            ScratchCa.delete(scratch);
        }
        return xml;
    }

    private void report(DraftAgreement draft, Path draftFile, Path trustFile, PartnerCertificate partner, List<Path> kit) {
        var certificate = partner.certificate();
        System.out.println("Onboarded " + party + " (" + draft.partnerName() + ") for review: " + draft.id() + " version "
                + draft.version() + ", DRAFT");
        System.out.println("  trust         " + trustFile + " (" + partner.role() + ", " + PkiSubcommand.describe(certificate)
                + ", SHA-256 " + partner.fingerprint() + ")");
        System.out.println("  agreement     " + draftFile);
        kit.forEach(file -> System.out.println("  for partner   " + file));
        System.out.println();
        System.out.println("Next steps:");
        int step = 1;
        System.out.println("  " + step++ + ". Review " + draftFile + ": LegalBasis, Validity, Documents, QuotaShares (marked REVIEW).");
        System.out.println("  " + step++ + ". Send the partner " + (partner.issuedHere() ? "its certificate and " : "")
                + "the hub's certificates above (its gateway trusts the hub CA and checks that the hub signs as "
                + EnvelopeFiller.HUB + ").");
        if (transport == Transport.PUSH) {
            System.out.println("  " + step++ + ". Check the partner's endpoint: lmx conformance --endpoint " + endpoint
                    + " --as " + party + " --data-dir " + dataDir + " --agreement-file " + draftFile);
        }
        System.out.println("  " + step++ + ". Set <Status>ACTIVE</Status>, then: lmx agreements validate --trust-dir "
                + dataDir.resolve("pki") + " " + draftFile);
        System.out.println("  " + step + ". Copy it into " + dataDir.resolve("agreements")
                + "/ and reload: POST /api/agreements/reload as operator (or restart the hub).");
    }
}
