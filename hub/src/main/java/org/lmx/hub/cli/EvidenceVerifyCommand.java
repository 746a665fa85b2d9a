package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.hub.evidence.EvidenceReport;
import org.lmx.hub.evidence.EvidenceVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lmx evidence verify}: an evidence bundle checked offline, item by item. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        // 2 means broken here, so a usage error must not look like one
        exitCodeOnInvalidInput = 1,
        description = {"Verify an evidence bundle offline (no hub, no network).",
                "Checks the ZIP's canonical form, the hub's signature on the manifest and every file's",
                "SHA-256, each document's and receipt's signature at the time its receipt records, each",
                "receipt against its document, and the chain proof.",
                "Exit code 0 intact, 2 broken (what is named), 1 error or usage error."})
final class EvidenceVerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "BUNDLE", description = "the bundle (ZIP) written by lmx evidence export")
    Path bundle;

    @Option(names = "--trust", paramLabel = "HUB_CA_PEM",
            description = "the hub CA you trust (PEM); without it the bundle's own hub CA is used and its fingerprint shown")
    Path trust;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "the verifier's now (ISO-8601, e.g. 2040-01-01T00:00:00Z), to see that a bundle still verifies"
                    + " after its certificates' end (signatures are checked at their receipts' times, never at now)")
    java.time.Instant at;

    @Option(names = "--hub-party", paramLabel = "PARTY", defaultValue = EvidenceVerifier.HUB_PARTY,
            description = "the hub's party, which must have signed the manifest (default: ${DEFAULT-VALUE})")
    String hubParty;

    @Override
    public Integer call() throws Exception {
        if (!Files.isReadable(bundle)) {
            throw new CliFailure("cannot read " + bundle);
        }
        Optional<java.security.cert.X509Certificate> hubCa = Optional.empty();
        if (trust != null) {
            try {
                hubCa = Optional.of(Pem.readCertificate(trust));
            } catch (PkiException e) {
                throw new CliFailure("--trust " + trust + " is not a PEM certificate: " + e.getMessage());
            }
        }
        EvidenceReport report = new EvidenceVerifier(at == null ? java.time.Clock.systemUTC()
                : java.time.Clock.fixed(at, java.time.ZoneOffset.UTC), hubParty).verify(Files.readAllBytes(bundle), hubCa);
        report.items().forEach(System.out::println);
        System.out.println(report.summary());
        return report.intact() ? 0 : 2;
    }
}
