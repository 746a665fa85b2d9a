package org.lmx.hub.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx pki sign-csr}: certifies a key a party made itself, so that its private key never leaves it. */
@Command(name = "sign-csr",
        mixinStandardHelpOptions = true,
        description = {"Certify a party's own key from its CSR.",
                "The CSR is PEM (e.g. from openssl req -new -newkey rsa:2048 -nodes -subj /CN=x -keyout key.pem "
                        + "-out csr.pem). Its signature must verify and its key be RSA 2048+ or EC P-256+; its subject "
                        + "is ignored: the certificate names PARTY.",
                "Without --out the certificate becomes the party's <PARTY>.crt.pem in DIR, and the party's key and "
                        + ".p12 there (which belong to its previous certificate) are removed."})
final class PkiSignCsrCommand extends PkiSubcommand {

    @Option(names = "--party", required = true, paramLabel = "PARTY", converter = PkiConverters.PartyId.class,
            description = "the party the certificate binds, e.g. KOR:MOEL")
    String party;

    @Option(names = "--csr", required = true, paramLabel = "FILE", description = "the CSR, PEM")
    Path csr;

    @Option(names = "--out", paramLabel = "FILE", description = "where to write the certificate (PEM)")
    Path out;

    @Option(names = "--days", paramLabel = "N", converter = PkiConverters.Days.class,
            description = "validity in days (default 730)")
    Duration validity = PkiDirectory.DEFAULT_CERTIFICATE_VALIDITY;

    @Override
    int execute() throws PkiException {
        PkiDirectory pki = PkiDirectory.open(dir);
        PkiDirectory.CsrCertificate result = pki.signCsr(party, Pem.readCsr(csr), validity, out);
        System.out.println("Certified the key of " + csr + " for " + party + " (" + describe(result.certificate()) + ")");
        System.out.println("  certificate   " + result.file());
        result.removed().forEach(file -> System.out.println("  removed       " + file
                + " (it belonged to the party's previous certificate)"));
        return 0;
    }
}
