package org.lmx.connectors.signature;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches CRLs over HTTP (DER or PEM) with a short timeout, keeps each until its next-update time, and does
 * not ask a location that failed again for {@link #RETRY_FAILED_AFTER}, so that a CRL server that is down
 * costs one timeout, not one per message. What a CRL is worth (its signer, its dates) the verifier decides.
 */
public final class HttpCrlSource implements CrlSource {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();
    private final Map<URI, Instant> failedUntil = new ConcurrentHashMap<>();
    /** How long a location that failed is not asked again. */
    static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(5);

    public HttpCrlSource(Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    public HttpCrlSource() {
        this(Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Override
    public Optional<X509CRL> fetch(URI location) {
        X509CRL cached = cache.get(location);
        if (cached != null && cached.getNextUpdate() != null && cached.getNextUpdate().toInstant().isAfter(clock.instant())) {
            return Optional.of(cached);
        }
        if (!"http".equalsIgnoreCase(location.getScheme()) && !"https".equalsIgnoreCase(location.getScheme())) {
            return Optional.empty();
        }
        Instant retry = failedUntil.get(location);
        if (retry != null && clock.instant().isBefore(retry)) {
            return Optional.empty();
        }
        Optional<X509CRL> crl = download(location);
        if (crl.isEmpty()) {
            failedUntil.put(location, clock.instant().plus(RETRY_FAILED_AFTER));
        } else {
            failedUntil.remove(location);
        }
        return crl;
    }

    private Optional<X509CRL> download(URI location) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(location).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body()));
            cache.put(location, crl);
            return Optional.of(crl);
        } catch (IOException | CRLException | CertificateException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
