package org.lmx.hub.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.routes.outbound.PartnerExchangeClient;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lmx conformance}: checks a push partner's Exchange endpoint before its agreement goes ACTIVE, acting as
 * the hub (signing with the hub's key from DATA_DIR/pki). See {@link ConformanceRun} for the checks.
 */
@Command(name = "conformance",
        mixinStandardHelpOptions = true,
        description = {"Check a push partner's Exchange endpoint, acting as the hub.",
                "(a) it answers a signed Ping; (b) it refuses a document signed by a key it must not trust; (c) its "
                        + "receipt is signed by the partner and carries the digest of the bytes sent; (d) a resend gets the "
                        + "same receipt; (e) a document changed after signing is refused.",
                "Exit 0 all checks pass, 2 some fail, 1 error."})
final class ConformanceCommand implements Callable<Integer> {

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "the partner's Exchange service (default: the SoapPush endpoint of its agreement)")
    URI endpoint;

    @Option(names = "--as", required = true, paramLabel = "PARTY", converter = PkiConverters.PartyId.class,
            description = "the partner checked, e.g. KOR:MOEL")
    String party;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "the hub's data directory: the hub's key in DIR/pki, the partner's agreement in DIR/agreements "
                    + "or DIR/onboarding (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--agreement-file", paramLabel = "FILE", description = "the partner's agreement file (DRAFT is fine)")
    Path agreementFile;

    @Option(names = "--trust", paramLabel = "FILE",
            description = "the partner's CA or signing certificate for its receipts (instead of its agreement's)")
    List<Path> trust;

    @Option(names = "--soap-version", paramLabel = "1.1|1.2",
            description = "the endpoint's SOAP version (default: its agreement's, else 1.2)")
    String soapVersion;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "how long one call may take (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--report", paramLabel = "FILE", description = "write the report: FILE.json as JSON, else Markdown")
    Path report;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        Path pkiDir = dataDir.resolve("pki");
        Optional<ExistingAgreements.AgreementFileInfo> agreement = agreement();
        Credential hub = hubCredential(pkiDir);
        PartnerTrust partnerTrust = PartnerTrust.of(trust, agreement, pkiDir, party);
        Element transport = agreement.map(a -> ExistingAgreements.child(a.root(), "Transport")).orElse(null);
        Element push = transport == null ? null : ExistingAgreements.child(transport, "SoapPush");
        URI target = endpoint != null ? endpoint : push == null ? null : URI.create(ExistingAgreements.text(push, "Endpoint"));
        if (target == null) {
            throw new CliFailure("no endpoint to check: give --endpoint URL (" + party + " has no SoapPush agreement file)");
        }
        String version = soapVersion != null ? soapVersion : push != null ? ExistingAgreements.text(push, "SoapVersion") : "1.2";
        if (!List.of("1.1", "1.2").contains(version)) {
            throw new CliFailure("--soap-version " + version + ": 1.1 or 1.2");
        }
        boolean mtom = push == null || !"false".equals(ExistingAgreements.text(push, "Mtom"));
        String agreementId = agreement.map(ExistingAgreements.AgreementFileInfo::id).orElse(EnvelopeFiller.defaultAgreement(party));

        Duration timeout = Duration.ofSeconds(Math.max(1, timeoutSeconds));
        ConformanceRun run = new ConformanceRun(new PartnerExchangeClient(timeout, timeout),
                new PartnerExchangeClient.Target(target.toString(), "1.2".equals(version), mtom), party,
                partnerTrust.anchors(), hub, ConformanceCommand::stranger, new ConformancePings(party, agreementId, clock));
        ConformanceReport result = new ConformanceReport(target.toString(), party, agreementId, partnerTrust.source(),
                clock.instant(), run.run());
        System.out.print(result.text());
        if (report != null) {
            String content = report.getFileName().toString().endsWith(".json") ? result.json() : result.markdown();
            Files.writeString(report, content, StandardCharsets.UTF_8);
            System.out.println("Report: " + report);
        }
        return result.allPassed() ? 0 : 2;
    }

    private Optional<ExistingAgreements.AgreementFileInfo> agreement() throws CliFailure {
        if (agreementFile != null) {
            ExistingAgreements.AgreementFileInfo info = ExistingAgreements.read(agreementFile).orElseThrow(() ->
                    new CliFailure(agreementFile + " is not an agreement file (urn:lmx:agreement:1 with Id, Version, Partner)"));
            if (!info.partner().equals(party)) {
                throw new CliFailure(agreementFile + " is the agreement of " + info.partner() + ", not of " + party);
            }
            return Optional.of(info);
        }
        return ExistingAgreements.latestOf(party, List.of(dataDir.resolve("agreements"), dataDir.resolve("onboarding")));
    }

    private static Credential hubCredential(Path pkiDir) throws CliFailure {
        Path key = pkiDir.resolve(PartyIds.fileName(EnvelopeFiller.HUB) + ".key.pem");
        Path certificate = pkiDir.resolve(PartyIds.fileName(EnvelopeFiller.HUB) + ".crt.pem");
        try {
            return Credential.of(Pem.readPrivateKey(key), Pem.readCertificates(certificate));
        } catch (PkiException e) {
            throw new CliFailure("cannot sign as the hub: [" + e.code() + "] " + e.getMessage() + " (the hub's key "
                    + key + " and certificate " + certificate + ")", e);
        }
    }

    /** A key the partner must not trust: a certificate naming the hub, from a CA made here and thrown away. */
    private static Credential stranger() {
        return ScratchCa.issue(EnvelopeFiller.HUB);
    }
}
