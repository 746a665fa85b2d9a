package org.lmx.hub.cli;

import java.net.URI;
import java.security.cert.X509Certificate;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx pki init --dir DIR}: the hub CA and a signing credential for the hub and every demo counterparty. */
@Command(name = "init",
        mixinStandardHelpOptions = true,
        description = {"Create the development PKI: the hub CA, a signing credential per demo party, the CRL.",
                "Writes to DIR the hub CA (hub-ca.crt.pem, hub-ca.key.pem), its CRL (hub-ca.crl.pem), for the hub "
                        + "(KAZ:MLSP) and each demo counterparty <PARTY>.key.pem, <PARTY>.crt.pem and <PARTY>.p12 "
                        + "(e.g. KOR_MOEL.p12), a random PKCS#12 password in p12-password.txt (owner-only) and "
                        + "INDEX.md, which lists what is where.",
                "Refuses a directory that already holds a CA unless --force."})
final class PkiInitCommand extends PkiSubcommand {

    @Option(names = "--crl-url", paramLabel = "URL", converter = PkiConverters.CrlUrl.class,
            description = "CRL distribution point written into every certificate (default: ${DEFAULT-VALUE})")
    URI crlUrl = CertificateAuthority.DEFAULT_CRL_URL;

    @Option(names = "--force", description = "replace an existing CA and every party file made from it")
    boolean force;

    @Override
    int execute() throws PkiException {
        PkiDirectory pki = PkiDirectory.init(dir, crlUrl, force);
        X509Certificate ca = pki.ca().certificate();
        System.out.println("Created the LMX development PKI in " + dir
                + " (development only: whoever can read it can sign as any party in it)");
        System.out.println("  CA            " + pki.caCertificateFile() + " (" + ca.getSubjectX500Principal().getName()
                + "; key " + CertificateAuthority.KEY_FILE + ", owner-only)");
        System.out.println("  CRL           " + pki.crlFile() + " (certificates point to " + crlUrl + ")");
        System.out.println("  p12 password  " + pki.passwordFile() + " (owner-only; the same for every .p12 here)");
        System.out.println("  index         " + pki.indexFile());
        for (String party : pki.parties()) {
            X509Certificate certificate = pki.currentCertificate(party).orElseThrow();
            System.out.printf("  %-14s %-38s %s%n", party, PartyIds.fileName(party) + ".{key.pem,crt.pem,p12}",
                    describe(certificate));
        }
        return 0;
    }

    @Override
    String hint(PkiException e) {
        return e.code().equals(PkiException.CA_EXISTS) ? "; use --force to replace it" : "";
    }
}
