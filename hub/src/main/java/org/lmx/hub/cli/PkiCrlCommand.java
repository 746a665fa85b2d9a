package org.lmx.hub.cli;

import java.security.cert.X509CRL;
import java.time.Duration;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx pki crl}: re-signs the CRL before its next update, so that CRL hard-fail verifiers keep accepting. */
@Command(name = "crl",
        mixinStandardHelpOptions = true,
        description = {"Re-sign the CRL before its next update.",
                "Rewrites hub-ca.crl.pem in DIR, signed by the CA, with every revocation so far."})
final class PkiCrlCommand extends PkiSubcommand {

    @Option(names = "--days", paramLabel = "N", converter = PkiConverters.Days.class,
            description = "days until the CRL's next update (default 30)")
    Duration validity = PkiDirectory.DEFAULT_CRL_VALIDITY;

    @Override
    int execute() throws PkiException {
        PkiDirectory pki = PkiDirectory.open(dir);
        X509CRL crl = pki.publishCrl(validity);
        int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        System.out.println("Published " + pki.crlFile() + " (" + revoked + " revoked, next update "
                + TIME.format(crl.getNextUpdate().toInstant()) + ")");
        pki.writeIndex();
        return 0;
    }
}
