package org.lmx.hub.exchange;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control of the Exchange service (both SOAP ports): a call runs only once it holds its weight in the
 * {@link AdmissionBudget}, and gives it back when its answer is complete (also when CXF throws or the client went
 * away). A call that finds no room within the maximum wait is answered HTTP 503 with {@code Retry-After} and a
 * SOAP Server/Receiver fault, its body dropped unparsed and nothing logged: the partner resends the same signed
 * document later.
 * <p>
 * The weight is the declared {@code Content-Length}. A call without one (chunked: CXF clients send every call over
 * 4 KB so) is read into memory first and weighed by its real size: its bytes cost a fraction of what parsing them
 * costs, and weighing it as the call size limit would admit CXF partners one call at a time.
 * Runs after {@link CallSizeLimitFilter}, which refuses declared sizes over the limit and cuts undeclared ones off.
 */
class CallAdmissionFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CallAdmissionFilter.class);

    private final AdmissionBudget budget;
    private final Duration maxWait;
    private final Duration retryAfter;

    CallAdmissionFilter(AdmissionBudget budget, Duration maxWait, Duration retryAfter) {
        this.budget = budget;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // the WSDL and other GETs parse nothing of the caller's
        return !"POST".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest call = request;
        long bytes = request.getContentLengthLong();
        if (bytes < 0) {
            ReadAhead readAhead;
            try {
                readAhead = ReadAhead.of(request);
            } catch (CallSizeLimitFilter.CallTooLargeException e) {
                SoapFaultAnswer.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        SoapFaultAnswer.Party.SENDER, "the call passed the limit of " + e.limit() + " bytes");
                return;
            }
            call = readAhead;
            bytes = readAhead.length();
        }
        Optional<AdmissionBudget.Permit> admitted = budget.admit(bytes, maxWait);
        if (admitted.isEmpty()) {
            refuse(call, response, bytes);
            return;
        }
        AdmissionBudget.Permit permit = admitted.get();
        boolean releasedLater = false;
        try {
            chain.doFilter(call, response);
            if (call.isAsyncStarted()) {
                // the Exchange endpoints are synchronous (ExchangeSoapRoute), but a call continued on another thread
                // holds its weight until its answer is complete
                call.getAsyncContext().addListener(new ReleaseWhenDone(permit));
                releasedLater = true;
            }
        } finally {
            if (!releasedLater) {
                permit.release();
            }
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long bytes) throws IOException {
        long retrySeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        LOG.warn("Refused a call of {} bytes on {} with HTTP 503: the admission budget of {} KiB stayed in use for {} "
                        + "({} waiting); the partner is asked to resend it after {} s",
                bytes, request.getRequestURI(), budget.budgetKib(), maxWait, budget.waiting(), retrySeconds);
        drain(request);
        response.setHeader("Retry-After", Long.toString(retrySeconds));
        SoapFaultAnswer.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, SoapFaultAnswer.Party.SERVER,
                "The hub is busy: the calls in flight use its budget of " + budget.budgetKib() + " KiB for calls being "
                        + "read and checked, and this call of " + bytes + " bytes waited " + maxWait.toMillis()
                        + " ms for room. Nothing of it was parsed or logged. Resend the same signed document (the same "
                        + "MessageId) in " + retrySeconds + " s: resends are idempotent by MessageId.");
    }

    /**
     * HTTP clients send the whole body before they read an answer: answered early, they see a reset connection rather
     * than the 503 and its Retry-After. So the body is taken and dropped through a small buffer (nothing is kept);
     * past the call size limit, or when the client went away, the answer goes out as it can.
     */
    private static void drain(HttpServletRequest request) {
        try (InputStream in = request.getInputStream()) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // too large or gone: nothing more to take
        }
    }

    /** Gives the weight back when an asynchronous call's answer is complete, whichever way it ended. */
    private record ReleaseWhenDone(AdmissionBudget.Permit permit) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            permit.release();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            permit.release();
        }

        @Override
        public void onError(AsyncEvent event) {
            permit.release();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // started again (a further continuation): the same listener must be added again to hear its end
            event.getAsyncContext().addListener(this);
        }
    }

    /** A call without a declared length, read into memory so that it can be weighed; CXF reads the same bytes. */
    private static final class ReadAhead extends HttpServletRequestWrapper {
        private final byte[] body;
        private final int length;

        private ReadAhead(HttpServletRequest request, byte[] body, int length) {
            super(request);
            this.body = body;
            this.length = length;
        }

        static ReadAhead of(HttpServletRequest request) throws IOException {
            Buffer buffer = new Buffer();
            // the size limit's wrapper throws CallTooLargeException once the body passes 50 MiB
            request.getInputStream().transferTo(buffer);
            return new ReadAhead(request, buffer.bytes(), buffer.size());
        }

        long length() {
            return length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body, 0, length);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the call was read ahead: read it blocking");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Hands out its array without the copy of {@code toByteArray()}: a 5 MB call is not held twice. */
    private static final class Buffer extends ByteArrayOutputStream {
        Buffer() {
            super(64 * 1024);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
