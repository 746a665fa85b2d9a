package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.xsd.agreement.v1.RevocationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lmx verify}: the hub's own verification of a signed document, offline: the signature rules, the
 * schema, the signature, the certificate against the given trust (CA or pinned certificates), a CRL if given,
 * and the expected party.
 */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Verify a signed ExchangeMessage.",
                "Exit code 0 and the signer's party and subject when valid; 1 with the error code and reason when not."})
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--trust", required = true, paramLabel = "PEM",
            description = "trusted CA certificates, or pinned signing certificates (repeatable)")
    List<Path> trust;

    @Option(names = "--crl", paramLabel = "CRL.pem", description = "CRLs to check the signer against; revocation is then hard-fail (repeatable)")
    List<Path> crls = List.of();

    @Option(names = "--party", paramLabel = "P", description = "the party the signer must be, e.g. KOR:MOEL")
    String party;

    @Option(names = "--at", paramLabel = "TIME", description = "validation time, e.g. 2026-11-24T10:15:00+05:00 (default: now)")
    OffsetDateTime at;

    @Parameters(paramLabel = "FILE", description = "the signed document")
    Path file;

    @Override
    public Integer call() throws Exception {
        List<X509Certificate> authorities = new ArrayList<>();
        List<X509Certificate> pinned = new ArrayList<>();
        for (Path pem : trust) {
            for (X509Certificate c : Pem.readCertificates(pem)) {
                (c.getBasicConstraints() >= 0 ? authorities : pinned).add(c);
            }
        }
        List<X509CRL> given = new ArrayList<>();
        for (Path crl : crls) {
            given.add(Pem.readCrl(crl));
        }
        VerificationOptions options = VerificationOptions.defaults()
                .revocation(given.isEmpty() ? RevocationPolicy.NONE : RevocationPolicy.CRL_HARD_FAIL, given);
        if (at != null) {
            options = options.at(at.toInstant());
        }
        if (party != null) {
            options = options.expectParty(party);
        }
        try {
            VerifiedDocument verified = new SignatureVerifier(CrlSource.NONE)
                    .verify(Files.readAllBytes(file), new TrustAnchors(Set.copyOf(authorities), Set.copyOf(pinned)), options);
            System.out.println("VALID    " + file + " signed by " + verified.party() + " ("
                    + verified.signer().getSubjectX500Principal().getName() + ") at " + verified.validationTime());
            verified.warnings().forEach(w -> System.out.println("WARNING  " + w));
            return 0;
        } catch (LmxException e) {
            System.out.println("INVALID  " + file + " [" + e.code() + "] " + e.getMessage());
            return 1;
        }
    }
}
