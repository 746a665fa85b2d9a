package org.lmx.hub.exchange;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The per-call size limit of the Exchange service (ARCHITECTURE.md "Sizes": 50 MiB), enforced before CXF reads
 * the call into memory: a declared length over the limit is refused at once with a SOAP fault, and a body
 * without a declared length is cut off when it passes the limit.
 */
class CallSizeLimitFilter extends OncePerRequestFilter {

    static final long MAX_CALL_BYTES = 50L * 1024 * 1024;

    private final long limit;

    CallSizeLimitFilter(long limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SoapFaultAnswer.write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, SoapFaultAnswer.Party.SENDER,
                "the call has " + request.getContentLengthLong() + " bytes; the limit is " + limit);
    }

    /** The body of a call without a declared length passed the limit; CallAdmissionFilter answers it. */
    static final class CallTooLargeException extends IOException {
        private final long limit;

        CallTooLargeException(long limit) {
            super("the call passed the limit of " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** A request whose body stops with an error once it passes the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > limit) {
                        throw new CallTooLargeException(limit);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
