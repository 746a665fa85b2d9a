package org.lmx.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * Admission control on the Exchange service as the state revenue (KAZ:SRC) sends its 5 MB WorkplaceReports: about
 * 7 MB per call as base64. The budget here is 8 MiB, so that one such call fills most of it and a second must wait.
 */
class CallAdmissionFilterTest {

    private static final String SOAP11 = "/services/exchange";
    private static final String SOAP12 = "/services/exchange12";
    /** A 5 MB WorkplaceReport's Submit call: 5,242,347 signed bytes as base64 in the envelope. */
    private static final long WORKPLACE_REPORT_CALL = 6_990_000;
    private static final Duration LONG_WAIT = Duration.ofMinutes(5);

    private final AdmissionBudget budget = new AdmissionBudget(DataSize.ofMegabytes(8));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final CountDownLatch firstMayFinish = new CountDownLatch(1);

    CallAdmissionFilterTest() {
        budget.bindTo(registry);
    }

    @AfterEach
    void nothingStaysHeld() {
        firstMayFinish.countDown();
    }

    @Test
    void aWorkplaceReportWithinTheBudgetRunsHoldingItsSizeAndGivesItBack() throws Exception {
        AtomicLong heldWhileRunning = new AtomicLong();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter(LONG_WAIT).doFilter(call(SOAP11, WORKPLACE_REPORT_CALL), response,
                (request, answer) -> heldWhileRunning.set(budget.bytesInFlight()));

        assertThat(heldWhileRunning.get()).isEqualTo(6827L * 1024); // 6,990,000 bytes rounded up to KiB
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(budget.bytesInFlight()).isZero();
        assertThat(gauge("lmx.admission.in.flight")).isZero();
    }

    @Test
    void aSecondWorkplaceReportWaitsWhileTheFirstHoldsTheBudgetAndRunsOnceItIsGivenBack() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(() ->
                run(filter(LONG_WAIT), call(SOAP11, WORKPLACE_REPORT_CALL), (request, answer) -> awaitRelease()));
        await().atMost(Duration.ofSeconds(30)).until(() -> budget.bytesInFlight() > 0);
        CountDownLatch secondRan = new CountDownLatch(1);

        CompletableFuture<MockHttpServletResponse> second = CompletableFuture.supplyAsync(() ->
                run(filter(LONG_WAIT), call(SOAP11, WORKPLACE_REPORT_CALL), (request, answer) -> secondRan.countDown()));
        await().atMost(Duration.ofSeconds(30)).until(() -> budget.waiting() == 1);

        assertThat(gauge("lmx.admission.waiting")).isEqualTo(1);
        assertThat(gauge("lmx.admission.in.flight")).isEqualTo(6827.0 * 1024);
        assertThat(secondRan.getCount()).as("the second call ran while the first held the budget").isEqualTo(1);
        firstMayFinish.countDown();
        assertThat(second.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(secondRan.getCount()).isZero();
        assertThat(budget.bytesInFlight()).isZero();
        assertThat(budget.refused()).isZero();
    }

    @Test
    void pastTheMaximumWaitTheCallIsAnswered503WithRetryAfterAndASoap11ServerFault() throws Exception {
        budget.admit(WORKPLACE_REPORT_CALL, Duration.ZERO).orElseThrow();
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> ran = new AtomicReference<>();
        MockHttpServletRequest call = call(SOAP11, WORKPLACE_REPORT_CALL);
        call.setContent(new byte[100_000]);

        filter(Duration.ZERO).doFilter(call, response, (request, answer) -> ran.set("the chain ran"));

        assertThat(ran.get()).isNull();
        assertThat(response.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("text/xml");
        assertThat(response.getContentAsString())
                .contains("http://schemas.xmlsoap.org/soap/envelope/", "<faultcode>soap:Server</faultcode>",
                        "budget of 8192 KiB", "6990000 bytes", "Resend the same signed document (the same MessageId)");
        assertThat(budget.refused()).isEqualTo(1);
        assertThat(registry.get("lmx.admission.refused").functionCounter().count()).isEqualTo(1);
        assertThat(budget.bytesInFlight()).as("only the holder's weight").isEqualTo(6827L * 1024);
        assertThat(call.getInputStream().read()).as("the body was taken, so the client reads the answer").isEqualTo(-1);
    }

    @Test
    void onTheSoap12PortTheRefusalIsASoap12ReceiverFault() throws Exception {
        budget.admit(WORKPLACE_REPORT_CALL, Duration.ZERO).orElseThrow();
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter(Duration.ZERO).doFilter(call(SOAP12, WORKPLACE_REPORT_CALL), response, (request, answer) -> {
            throw new AssertionError("the chain ran");
        });

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("10");
        assertThat(response.getContentType()).startsWith("application/soap+xml");
        assertThat(response.getContentAsString()).contains("http://www.w3.org/2003/05/soap-envelope",
                "<soap:Value>soap:Receiver</soap:Value>", "budget of 8192 KiB");
    }

    @Test
    void theWeightIsGivenBackWhenCxfThrows() throws Exception {
        assertThatThrownBy(() -> filter(LONG_WAIT).doFilter(call(SOAP11, WORKPLACE_REPORT_CALL),
                new MockHttpServletResponse(), (request, answer) -> {
                    throw new IOException("the client went away");
                })).isInstanceOf(IOException.class);

        assertThat(budget.bytesInFlight()).isZero();
        // and the whole budget is there for the next call at once
        assertThat(budget.admit(DataSize.ofMegabytes(8).toBytes(), Duration.ZERO)).isPresent();
    }

    @Test
    void aCallLargerThanTheWholeBudgetIsAdmittedAloneTakingAllOfIt() throws Exception {
        AtomicLong heldWhileRunning = new AtomicLong();
        AtomicReference<Integer> smallCallStatus = new AtomicReference<>();
        // 20 MiB: an MTOM call with attachments, under the 50 MiB call size limit, over the 8 MiB budget
        filter(Duration.ZERO).doFilter(call(SOAP11, 20L * 1024 * 1024), new MockHttpServletResponse(),
                (request, answer) -> {
                    heldWhileRunning.set(budget.bytesInFlight());
                    smallCallStatus.set(run(filter(Duration.ZERO), call(SOAP11, 3_000), (r, a) -> { }).getStatus());
                });

        assertThat(heldWhileRunning.get()).isEqualTo(8L * 1024 * 1024);
        assertThat(smallCallStatus.get()).as("a small call while it runs").isEqualTo(503);
        assertThat(budget.bytesInFlight()).isZero();
    }

    @Test
    void aChunkedCallIsReadFirstAndWeighedByItsBytes() throws Exception {
        budget.admit(WORKPLACE_REPORT_CALL, Duration.ZERO).orElseThrow(); // 1,365 KiB left
        byte[] notice = "<soap:Envelope>a BusinessNotice from Korea's ministry</soap:Envelope>"
                .getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> read = new AtomicReference<>();
        AtomicLong heldWhileRunning = new AtomicLong();

        MockHttpServletResponse small = run(filter(Duration.ZERO), chunked(notice), (request, answer) -> {
            heldWhileRunning.set(budget.bytesInFlight());
            read.set(request.getInputStream().readAllBytes());
        });
        MockHttpServletResponse large = run(filter(Duration.ZERO), chunked(new byte[2 * 1024 * 1024]),
                (request, answer) -> {
                    throw new AssertionError("the chain ran");
                });

        assertThat(small.getStatus()).isEqualTo(200);
        assertThat(read.get()).as("CXF reads the bytes read ahead").isEqualTo(notice);
        assertThat(heldWhileRunning.get()).as("the minimum weight").isEqualTo((6827L + 64) * 1024);
        assertThat(large.getStatus()).as("2 MiB read: more than is left").isEqualTo(503);
    }

    @Test
    void aChunkedCallPastTheSizeLimitIsRefusedWith413() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
            @Override
            protected void service(jakarta.servlet.http.HttpServletRequest req, HttpServletResponse resp) {
                throw new AssertionError("CXF was reached");
            }
        }, new CallSizeLimitFilter(1_000), filter(LONG_WAIT));

        chain.doFilter(chunked(new byte[1_001]), response);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("soap:Client", "the call passed the limit of 1000 bytes");
        assertThat(budget.bytesInFlight()).isZero();
    }

    @Test
    void anAsynchronousCallHoldsItsWeightUntilItsAnswerIsComplete() throws Exception {
        MockHttpServletRequest request = call(SOAP11, WORKPLACE_REPORT_CALL);
        request.setAsyncSupported(true);
        AtomicReference<AsyncContext> continuation = new AtomicReference<>();

        filter(LONG_WAIT).doFilter(request, new MockHttpServletResponse(),
                (req, answer) -> continuation.set(req.startAsync()));

        assertThat(budget.bytesInFlight()).as("CXF still works on it").isEqualTo(6827L * 1024);
        continuation.get().complete();
        assertThat(budget.bytesInFlight()).isZero();
    }

    @Test
    void theWsdlIsServedWithoutWeighing() throws Exception {
        budget.admit(DataSize.ofMegabytes(8).toBytes(), Duration.ZERO).orElseThrow();
        MockHttpServletRequest wsdl = new MockHttpServletRequest("GET", SOAP11);
        wsdl.setQueryString("wsdl");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> ran = new AtomicReference<>();

        filter(Duration.ZERO).doFilter(wsdl, response, (request, answer) -> ran.set("served"));

        assertThat(ran.get()).isEqualTo("served");
        assertThat(budget.refused()).isZero();
    }

    // ---- helpers ----

    private CallAdmissionFilter filter(Duration maxWait) {
        return new CallAdmissionFilter(budget, maxWait, Duration.ofSeconds(10));
    }

    /** A call declaring {@code contentLength} (its body is not read by the filter, so none is given). */
    private static MockHttpServletRequest call(String uri, long contentLength) {
        return new MockHttpServletRequest("POST", uri) {
            @Override
            public long getContentLengthLong() {
                return contentLength;
            }

            @Override
            public int getContentLength() {
                return (int) Math.min(Integer.MAX_VALUE, contentLength);
            }
        };
    }

    /** A call sent chunked: a body, no declared length. */
    private static MockHttpServletRequest chunked(byte[] body) {
        MockHttpServletRequest request = call(SOAP11, -1);
        request.setContent(Arrays.copyOf(body, body.length));
        return request;
    }

    private static MockHttpServletResponse run(CallAdmissionFilter filter, MockHttpServletRequest request,
                                               FilterChain chain) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            filter.doFilter(request, response, chain);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return response;
    }

    private void awaitRelease() {
        try {
            firstMayFinish.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
