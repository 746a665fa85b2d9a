package org.lmx.hub.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;

/**
 * The simulated counterparties' keys and trust: each signs with its development key from the data directory's PKI,
 * and trusts what the hub sends only once it verifies as signed by the hub under the hub CA, as a real party does.
 * A data directory without the development PKI (no hub CA key: a production one) is refused.
 */
public final class SimulatedParties {

    private final PkiDirectory pki;
    private final TrustAnchors hubCa;
    private final String hubParty;
    private final Clock clock;
    private final Set<String> identityHits;
    private final SignatureVerifier verifier = new SignatureVerifier(CrlSource.NONE);
    private final Map<String, CounterpartyAnswers> answers = new ConcurrentHashMap<>();

    private SimulatedParties(PkiDirectory pki, X509Certificate hubCa, String hubParty, Clock clock,
                             Set<String> identityHits) {
        this.pki = pki;
        this.hubCa = TrustAnchors.authority(hubCa);
        this.hubParty = hubParty;
        this.clock = clock;
        this.identityHits = Set.copyOf(identityHits);
    }

    /**
     * The parties of the development PKI in {@code pkiDir}; refused when there is none.
     *
     * @param identityHits travel document numbers the simulated migration police answers with a HIT (demo rule)
     */
    public static SimulatedParties open(Path pkiDir, String hubParty, Clock clock, Set<String> identityHits) {
        if (!Files.exists(pkiDir.resolve(CertificateAuthority.KEY_FILE))) {
            throw new IllegalStateException("lmx.simulators.enabled=true is refused: " + pkiDir + " holds no development"
                    + " PKI (no " + CertificateAuthority.KEY_FILE + "). The simulators sign as the agencies and partners"
                    + " with the development keys the hub generates on first start into a data directory of its own;"
                    + " they are for the development setup only. Start without --lmx.simulators.enabled=true.");
        }
        try {
            return new SimulatedParties(PkiDirectory.open(pkiDir), Pem.readCertificate(
                    pkiDir.resolve(CertificateAuthority.CERTIFICATE_FILE)), hubParty, clock, identityHits);
        } catch (PkiException e) {
            throw new IllegalStateException("the simulators cannot read the development PKI in " + pkiDir + ": " + e, e);
        }
    }

    /** Whether the development PKI holds {@code party}'s signing key. */
    public boolean has(String party) {
        return Files.exists(pki.keyFile(party)) && Files.exists(pki.certificateFile(party));
    }

    /** {@code party}'s answers, signed with its development key. */
    public CounterpartyAnswers as(String party) {
        return answers.computeIfAbsent(party, p -> {
            try {
                return new CounterpartyAnswers(p, pki.credential(p), clock, identityHits);
            } catch (PkiException e) {
                throw new IllegalStateException("the development PKI has no signing key of " + p + ": " + e, e);
            }
        });
    }

    /** {@code signed} verified as the hub's document (its party, under the hub CA). */
    public VerifiedDocument fromHub(byte[] signed) throws LmxException {
        return verifier.verify(signed, hubCa, VerificationOptions.defaults().expectParty(hubParty));
    }

    /** The hub CA's certificate, against which the hub's receipts are checked. */
    public X509Certificate hubCaCertificate() {
        return hubCa.authorities().iterator().next();
    }
}
