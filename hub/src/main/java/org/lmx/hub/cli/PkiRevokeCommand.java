package org.lmx.hub.cli;

import java.math.BigInteger;
import java.security.cert.X509CRL;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.Revocation;
import org.lmx.connectors.pki.RevocationReason;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx pki revoke}: puts a certificate on the CA's revocation list and re-publishes the CRL. */
@Command(name = "revoke",
        mixinStandardHelpOptions = true,
        description = {"Revoke a certificate and re-publish the CRL.",
                "Revokes a party's current certificate in DIR (<PARTY>.crt.pem), or any certificate the CA issued "
                        + "by its serial, and rewrites hub-ca.crl.pem.",
                "Reasons: unspecified (default), keyCompromise, cACompromise, affiliationChanged, superseded, "
                        + "cessationOfOperation, privilegeWithdrawn."})
final class PkiRevokeCommand extends PkiSubcommand {

    static final class Target {
        @Option(names = "--party", required = true, paramLabel = "PARTY", converter = PkiConverters.PartyId.class,
                description = "revoke this party's current certificate, e.g. KOR:MOEL")
        String party;

        @Option(names = "--serial", required = true, paramLabel = "HEX", converter = PkiConverters.Serial.class,
                description = "revoke the certificate with this serial (hex, as in INDEX.md)")
        BigInteger serial;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--reason", paramLabel = "REASON", converter = PkiConverters.Reason.class,
            description = "why (RFC 5280 name); default unspecified")
    RevocationReason reason = RevocationReason.UNSPECIFIED;

    @Override
    int execute() throws PkiException {
        PkiDirectory pki = PkiDirectory.open(dir);
        Revocation revocation = target.party != null ? pki.revoke(target.party, reason) : pki.revoke(target.serial, reason);
        X509CRL crl = Pem.readCrl(pki.crlFile());
        String whose = PartyIds.partyOf(pki.ca().issuedCertificate(revocation.serial()))
                .map(party -> party + "'s certificate").orElse("the certificate");
        System.out.println("Revoked " + whose + " with serial " + CertificateAuthority.serialHex(revocation.serial())
                + " (" + reason.rfcName() + ")");
        System.out.println("  CRL           " + pki.crlFile() + " (" + crl.getRevokedCertificates().size()
                + " revoked, next update " + TIME.format(crl.getNextUpdate().toInstant()) + ")");
        return 0;
    }
}
