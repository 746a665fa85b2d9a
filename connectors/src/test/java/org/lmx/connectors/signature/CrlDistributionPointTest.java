package org.lmx.connectors.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.xsd.agreement.v1.RevocationPolicy;

/**
 * Revocation from the CRL named in the signer's certificate, served by a loopback HTTP server that the test
 * can take down: revoked is refused, a CRL that cannot be had is a warning under soft-fail and a refusal
 * under hard-fail, and a cached CRL is not fetched again before its next update.
 */
class CrlDistributionPointTest {

    private static HttpServer server;
    private static final AtomicReference<byte[]> served = new AtomicReference<>();
    private static final AtomicInteger fetches = new AtomicInteger();
    private static TestPki pki;
    private static TrustAnchors trust;

    @BeforeAll
    static void startCrlServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/pki/crl/hub-ca.crl", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get();
            if (body == null) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        pki = TestPki.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pki/crl/hub-ca.crl"));
        trust = TrustAnchors.authority(pki.caCertificate());
    }

    @AfterAll
    static void stopCrlServer() {
        server.stop(0);
    }

    @BeforeEach
    void reset() {
        served.set(null);
        fetches.set(0);
    }

    @Test
    void aCertificateOnTheDistributionPointsCrlIsRefused() throws Exception {
        Credential revoked = pki.revoked("GBR:DWP");
        served.set(pki.crl().getEncoded());
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), revoked);

        SignatureException e = catchThrowableOfType(SignatureException.class, () -> newVerifier().verify(signed, trust,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_SOFT_FAIL, List.of())));
        assertThat(e.error()).isEqualTo(SignatureError.CERT_REVOKED);
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aCrlServerThatIsDownIsAWarningUnderSoftFail() throws Exception {
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), pki.party("DEU:BMAS", KeyAlgorithm.EC_P256));
        VerifiedDocument verified = newVerifier().verify(signed, trust,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_SOFT_FAIL, List.of()));
        assertThat(verified.party()).isEqualTo("DEU:BMAS");
        assertThat(verified.warnings()).singleElement().asString().contains("CRL_SOFT_FAIL");
    }

    @Test
    void aCrlServerThatIsDownIsARefusalUnderHardFail() throws Exception {
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), pki.party("DEU:BMAS", KeyAlgorithm.EC_P256));
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> newVerifier().verify(signed, trust,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_HARD_FAIL, List.of())));
        assertThat(e.error()).isEqualTo(SignatureError.CERT_REVOCATION_UNKNOWN);
    }

    @Test
    void aFetchedCrlIsCachedUntilItsNextUpdate() throws Exception {
        served.set(pki.crl().getEncoded());
        SignatureVerifier verifier = newVerifier();
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), pki.party("ISR:MOL", KeyAlgorithm.RSA_2048));
        VerificationOptions hardFail = VerificationOptions.defaults().revocation(RevocationPolicy.CRL_HARD_FAIL, List.of());
        assertThat(verifier.verify(signed, trust, hardFail).warnings()).isEmpty();
        served.set(null);
        assertThat(verifier.verify(signed, trust, hardFail).party()).isEqualTo("ISR:MOL");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aCertificateFromAnUntrustedCaNeverMakesTheHubFetchItsUrl() throws Exception {
        TestPki stranger = TestPki.create(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pki/crl/hub-ca.crl"));
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), stranger.korea());
        for (RevocationPolicy policy : List.of(RevocationPolicy.CRL_SOFT_FAIL, RevocationPolicy.CRL_HARD_FAIL)) {
            SignatureException e = catchThrowableOfType(SignatureException.class, () -> newVerifier().verify(signed, trust,
                    VerificationOptions.defaults().revocation(policy, List.of())));
            assertThat(e.error()).as(policy.toString()).isEqualTo(SignatureError.CERT_UNTRUSTED);
        }
        assertThat(fetches).hasValue(0);
    }

    @Test
    void aCrlNotSignedByTheIssuerOrOutOfDateDoesNotCountAndSoftFailStillAccepts() throws Exception {
        // a CRL under the same CA name from another key (every development PKI's CA has that name)
        TestPki other = TestPki.create(URI.create("http://127.0.0.1:1/unused"));
        served.set(other.crl().getEncoded());
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), pki.party("USA:DOL", KeyAlgorithm.RSA_2048));
        VerifiedDocument soft = newVerifier().verify(signed, trust,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_SOFT_FAIL, List.of()));
        assertThat(soft.warnings()).singleElement().asString().contains("no CRL signed by");

        // the right CA's CRL, but the validation time lies after its next update
        VerificationOptions late = VerificationOptions.defaults().at(java.time.Instant.now().plus(Duration.ofDays(60)))
                .revocation(RevocationPolicy.CRL_HARD_FAIL, List.of(pki.crl()));
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> newVerifier().verify(signed, trust, late));
        assertThat(e.error()).isEqualTo(SignatureError.CERT_REVOCATION_UNKNOWN);
    }

    @Test
    void theAgreementsCrlUrlIsUsed() throws Exception {
        Credential revoked = pki.revoked("TUR:CSGB");
        served.set(pki.crl().getEncoded());
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), revoked);
        // the certificate names a dead distribution point; the agreement names the live one
        SignatureVerifier deadDistributionPoint = new SignatureVerifier(location ->
                location.getPort() == server.getAddress().getPort() && location.getPath().endsWith("/agreement.crl")
                        ? java.util.Optional.of(pkiCrl()) : java.util.Optional.empty());
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> deadDistributionPoint.verify(signed, trust,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_HARD_FAIL, List.of())
                        .crlUrls(List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/agreement.crl")))));
        assertThat(e.error()).isEqualTo(SignatureError.CERT_REVOKED);
    }

    @Test
    void aSignerUnderAnIntermediateCaIsCheckedAgainstTheIntermediatesCrl() throws Exception {
        // the usual shape of a ministry's PKI: root (trusted by the agreement) -> issuing CA -> signing certificate
        URI crlUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/pki/crl/hub-ca.crl");
        TestPki.UnderIntermediate chain = pki.underIntermediate("KOR:MOEL", crlUrl);
        byte[] signed = XmlSigner.sign(SignatureVerifierTest.sample("StatusRequest"), chain.signer());
        assertThat(newVerifier().verify(signed, trust, VerificationOptions.defaults()).party()).isEqualTo("KOR:MOEL");

        served.set(chain.revocation().getEncoded());
        SignatureException e = catchThrowableOfType(SignatureException.class, () -> newVerifier().verify(signed, trust,
                VerificationOptions.defaults().revocation(RevocationPolicy.CRL_HARD_FAIL, List.of())));
        assertThat(e.error()).isEqualTo(SignatureError.CERT_REVOKED);
        assertThat(fetches).hasValue(1);
    }

    private static java.security.cert.X509CRL pkiCrl() {
        try {
            return pki.crl();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static SignatureVerifier newVerifier() {
        return new SignatureVerifier(new HttpCrlSource(Duration.ofSeconds(2), Clock.systemUTC()));
    }
}
