package org.lmx.hub.cli;

import java.time.Duration;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx pki issue --dir DIR --party P}: a new key and certificate for a party, over its files in DIR. */
@Command(name = "issue",
        mixinStandardHelpOptions = true,
        description = {"Issue a new key and signing certificate for a party.",
                "Written to DIR as <PARTY>.key.pem, <PARTY>.crt.pem and <PARTY>.p12, replacing the party's files; "
                        + "its earlier certificate stays valid until revoked with lmx pki revoke --serial."})
final class PkiIssueCommand extends PkiSubcommand {

    @Option(names = "--party", required = true, paramLabel = "PARTY", converter = PkiConverters.PartyId.class,
            description = "the party id, e.g. KOR:MOEL")
    String party;

    @Option(names = "--alg", paramLabel = "ALG", converter = PkiConverters.Algorithm.class,
            description = "rsa2048, rsa3072 or ec (EC P-256); default rsa2048")
    KeyAlgorithm algorithm = KeyAlgorithm.RSA_2048;

    @Option(names = "--days", paramLabel = "N", converter = PkiConverters.Days.class,
            description = "validity in days (default 730)")
    Duration validity = PkiDirectory.DEFAULT_CERTIFICATE_VALIDITY;

    @Override
    int execute() throws PkiException {
        PkiDirectory pki = PkiDirectory.open(dir);
        Credential credential = pki.issue(party, algorithm, validity);
        System.out.println("Issued " + party + " (" + describe(credential.certificate()) + ")");
        System.out.println("  key           " + pki.keyFile(party) + " (owner-only)");
        System.out.println("  certificate   " + pki.certificateFile(party));
        System.out.println("  PKCS#12       " + pki.pkcs12File(party) + " (password in " + pki.passwordFile() + ")");
        return 0;
    }
}
