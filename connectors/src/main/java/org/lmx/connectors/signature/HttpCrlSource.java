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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fetches CRLs over HTTP (DER or PEM) with a short timeout, keeps each until its next-update time, and does
 * not ask a location that failed again for a while (default {@link #RETRY_FAILED_AFTER}), so that a CRL server
 * that is down costs one timeout, not one per message. No lock is held over a download: messages whose CRL is
 * cached or backed off never wait behind one. What a CRL is worth (its signer, its dates) the verifier decides;
 * what each location gave and when is kept for operators ({@link #locations()}).
 */
public final class HttpCrlSource implements CrlSource {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;
    private final Duration retryFailedAfter;
    private final Map<URI, X509CRL> cache = new ConcurrentHashMap<>();
    private final Map<URI, Instant> failedUntil = new ConcurrentHashMap<>();
    private final Map<URI, CrlLocationStatus> status = new ConcurrentHashMap<>();
    /** How long a location that failed is not asked again, by default. */
    public static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(5);

    public HttpCrlSource(Duration timeout, Clock clock) {
        this(timeout, RETRY_FAILED_AFTER, clock);
    }

    /**
     * @param timeout          how long one download may take (connect and answer), so that a dead server stalls
     *                         no message longer than this
     * @param retryFailedAfter how long a location that failed is not asked again
     */
    public HttpCrlSource(Duration timeout, Duration retryFailedAfter, Clock clock) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.retryFailedAfter = retryFailedAfter;
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
        Instant attempt = clock.instant();
        Download download = download(location);
        Instant done = clock.instant();
        if (download.crl() == null) {
            failedUntil.put(location, done.plus(retryFailedAfter));
        } else {
            cache.put(location, download.crl());
            failedUntil.remove(location);
        }
        record(location, attempt, done, download);
        return Optional.ofNullable(download.crl());
    }

    /** What each location asked since the start gave, by location. */
    public List<CrlLocationStatus> locations() {
        return status.values().stream().sorted(Comparator.comparing(s -> s.location().toString())).toList();
    }

    private void record(URI location, Instant attempt, Instant done, Download download) {
        status.compute(location, (uri, old) -> {
            long attempts = (old == null ? 0 : old.attempts()) + 1;
            long failures = (old == null ? 0 : old.failures()) + (download.crl() == null ? 1 : 0);
            if (download.crl() != null) {
                X509CRL crl = download.crl();
                return new CrlLocationStatus(uri, attempt, done, crl.getThisUpdate().toInstant(),
                        crl.getNextUpdate() == null ? null : crl.getNextUpdate().toInstant(),
                        old == null ? null : old.lastFailure(), old == null ? null : old.failureReason(), null,
                        attempts, failures);
            }
            return new CrlLocationStatus(uri, attempt, old == null ? null : old.lastSuccess(),
                    old == null ? null : old.thisUpdate(), old == null ? null : old.nextUpdate(), done,
                    download.failure(), done.plus(retryFailedAfter), attempts, failures);
        });
    }

    /** A CRL, or why there is none. */
    private record Download(X509CRL crl, String failure) {
    }

    private Download download(URI location) {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(location).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                return new Download(null, "HTTP " + response.statusCode());
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(response.body()));
            return crl == null ? new Download(null, "the answer holds no CRL") : new Download(crl, null);
        } catch (IOException | CRLException | CertificateException e) {
            return new Download(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Download(null, "interrupted");
        }
    }
}
