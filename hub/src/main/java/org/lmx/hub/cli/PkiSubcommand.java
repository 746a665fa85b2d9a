package org.lmx.hub.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.KeyStrength;
import org.lmx.connectors.pki.PkiException;
import picocli.CommandLine.Option;

/**
 * What every {@code lmx pki} command shares: the directory option, and a refusal printed as
 * {@code ERROR    [code] reason} (as for every LMX refusal) with exit code 1 (usage errors exit 2, through picocli).
 */
abstract class PkiSubcommand implements Callable<Integer> {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "the PKI directory")
    Path dir;

    @Override
    public final Integer call() {
        try {
            return execute();
        } catch (PkiException e) {
            System.err.println("ERROR    [" + e.code() + "] " + e.getMessage() + hint(e));
            return 1;
        }
    }

    abstract int execute() throws PkiException;

    /** Advice added to a refusal where the command knows what to do next. */
    String hint(PkiException e) {
        return "";
    }

    /** {@code EC P-256, serial 0A, valid until 2028-01-01 10:00Z}. */
    static String describe(X509Certificate certificate) {
        return KeyStrength.describe(certificate.getPublicKey()) + ", serial "
                + CertificateAuthority.serialHex(certificate.getSerialNumber()) + ", valid until "
                + TIME.format(certificate.getNotAfter().toInstant());
    }
}
