package org.lmx.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Submit over the SOAP 1.1 port with plain java.net.http: the envelope is built once per document before the
 * clock starts, so that the load generator, which shares the hub's cores, spends as little as it can per call.
 */
final class SoapSubmitter {

    enum Outcome { ACCEPTED, REJECTED, ERROR }

    private static final String SOAP_ACTION = "urn:lmx:exchange:1:Submit";

    /** A partner resends a call refused for the hub's admission budget at most this many times. */
    private static final int MAX_RESENDS = 20;

    private final HttpClient client;
    private final URI endpoint;
    private final LongAdder deferred = new LongAdder();

    SoapSubmitter(URI hub, int clients) {
        this.endpoint = hub.resolve("/services/exchange");
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(java.util.concurrent.Executors.newFixedThreadPool(Math.max(2, clients / 4)))
                .build();
    }

    /** The SOAP envelope of Submit carrying the signed bytes as xs:base64Binary. */
    static byte[] envelope(byte[] signed) {
        return ("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<Submit xmlns=\"urn:lmx:exchange:service:1\"><Document>"
                + Base64.getEncoder().encodeToString(signed)
                + "</Document></Submit></soap:Body></soap:Envelope>").getBytes(StandardCharsets.US_ASCII);
    }

    /** @param retryAfterSeconds for an HTTP 503 the seconds to wait before resending, otherwise -1 */
    record Answer(Outcome outcome, String detail, long retryAfterSeconds) {

        Answer(Outcome outcome, String detail) {
            this(outcome, detail, -1);
        }
    }

    /**
     * Submits, and as a partner does, resends the same signed document after the {@code Retry-After} of an HTTP
     * 503 (the hub's admission budget was full: nothing was read, nothing logged).
     */
    Answer submit(byte[] envelope) {
        for (int resends = 0; ; resends++) {
            Answer answer = submitOnce(envelope);
            if (answer.retryAfterSeconds() < 0 || resends == MAX_RESENDS) {
                return answer;
            }
            deferred.increment();
            LockSupport.parkNanos(answer.retryAfterSeconds() * 1_000_000_000L);
            if (Thread.currentThread().isInterrupted()) {
                return answer;
            }
        }
    }

    /** Calls answered 503 and resent after their Retry-After, since the start. */
    long deferred() {
        return deferred.sum();
    }

    private Answer submitOnce(byte[] envelope) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "text/xml; charset=UTF-8")
                .header("SOAPAction", "\"" + SOAP_ACTION + "\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(envelope))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 503) {
                long retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                return new Answer(Outcome.ERROR, "HTTP 503 after " + MAX_RESENDS + " resends: " + head(response.body()),
                        retryAfter);
            }
            if (response.statusCode() != 200) {
                return new Answer(Outcome.ERROR, "HTTP " + response.statusCode() + ": " + head(response.body()));
            }
            String receipt = receiptOf(response.body());
            if (receipt == null) {
                return new Answer(Outcome.ERROR, "no receipt in: " + head(response.body()));
            }
            if (receipt.contains(">ACCEPTED<")) {
                return new Answer(Outcome.ACCEPTED, null);
            }
            int code = receipt.indexOf("<Code>");
            return new Answer(Outcome.REJECTED, code < 0 ? head(receipt)
                    : receipt.substring(code + 6, receipt.indexOf('<', code + 6)));
        } catch (IOException e) {
            return new Answer(Outcome.ERROR, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Outcome.ERROR, "interrupted");
        }
    }

    /** The signed receipt's text from SubmitResponse/Receipt (base64), whatever prefix the server chose. */
    static String receiptOf(String soap) {
        int open = soap.indexOf("Receipt>");
        if (open < 0) {
            return null;
        }
        int start = open + "Receipt>".length();
        int end = soap.indexOf('<', start);
        if (end < 0) {
            return null;
        }
        return new String(Base64.getMimeDecoder().decode(soap.substring(start, end)), StandardCharsets.UTF_8);
    }

    private static String head(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
