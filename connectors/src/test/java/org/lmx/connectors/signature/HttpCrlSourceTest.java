package org.lmx.connectors.signature;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CRL cache as operators see it: per location the last fetch, the CRL's thisUpdate/nextUpdate and the last
 * failure; a CRL past its nextUpdate without a fresh one is out of date; a server that accepts the connection and
 * never answers costs one timeout, after which the location is backed off.
 */
class HttpCrlSourceTest {

    private HttpServer server;
    private final AtomicReference<byte[]> served = new AtomicReference<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private final MovingClock clock = new MovingClock(Instant.now());
    private URI location;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ca.crl", exchange -> {
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
        location = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ca.crl");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aFetchedCrlShowsItsDatesAndBecomesOutOfDateAfterItsNextUpdateWhenNoFreshOneComes() throws Exception {
        X509CRL crl = TestPki.shared().crl();
        served.set(crl.getEncoded());
        HttpCrlSource source = new HttpCrlSource(Duration.ofSeconds(2), Duration.ofMinutes(5), clock);

        assertThat(source.fetch(location)).isPresent();
        CrlLocationStatus fetched = source.locations().get(0);
        assertThat(fetched.location()).isEqualTo(location);
        assertThat(fetched.lastSuccess()).isEqualTo(clock.instant());
        assertThat(fetched.thisUpdate()).isEqualTo(crl.getThisUpdate().toInstant());
        assertThat(fetched.nextUpdate()).isEqualTo(crl.getNextUpdate().toInstant());
        assertThat(fetched.failing()).isFalse();
        assertThat(fetched.outOfDateAt(clock.instant())).isFalse();

        // past the next update the location is asked again; it is down now
        served.set(null);
        clock.set(crl.getNextUpdate().toInstant().plusSeconds(60));
        assertThat(source.fetch(location)).isEmpty();
        CrlLocationStatus stale = source.locations().get(0);
        assertThat(stale.failing()).isTrue();
        assertThat(stale.failureReason()).isEqualTo("HTTP 503");
        assertThat(stale.outOfDateAt(clock.instant())).isTrue();
        assertThat(stale.attempts()).isEqualTo(2);
        assertThat(stale.failures()).isEqualTo(1);
        assertThat(stale.retryAfter()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aLocationThatFailedIsNotAskedAgainBeforeItsRetryTime() throws Exception {
        HttpCrlSource source = new HttpCrlSource(Duration.ofSeconds(2), Duration.ofMinutes(5), clock);
        assertThat(source.fetch(location)).isEmpty();
        assertThat(source.fetch(location)).isEmpty();
        assertThat(fetches).hasValue(1);
        assertThat(source.locations().get(0).outOfDateAt(clock.instant())).isTrue();

        served.set(TestPki.shared().crl().getEncoded());
        clock.set(clock.instant().plus(Duration.ofMinutes(5)).plusSeconds(1));
        assertThat(source.fetch(location)).isPresent();
        assertThat(fetches).hasValue(2);
        assertThat(source.locations().get(0).failing()).isFalse();
    }

    @Test
    void aServerThatNeverAnswersCostsOneTimeoutThenTheLocationIsBackedOff() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            // the kernel accepts the connection; nobody ever reads the request or answers
            URI hanging = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/ca.crl");
            HttpCrlSource source = new HttpCrlSource(Duration.ofMillis(700), Duration.ofMinutes(5), Clock.systemUTC());

            long first = System.nanoTime();
            assertThat(source.fetch(hanging)).isEmpty();
            Duration firstTook = Duration.ofNanos(System.nanoTime() - first);
            assertThat(source.fetch(hanging)).isEmpty();

            assertThat(firstTook).as("the download's time limit, not more").isBetween(Duration.ofMillis(600), Duration.ofSeconds(10));
            CrlLocationStatus status = source.locations().get(0);
            assertThat(status.attempts()).as("the second fetch did not ask the silent server again").isEqualTo(1);
            assertThat(status.failureReason()).containsIgnoringCase("timed out");
        }
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
