package org.lmx.hub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 with Retry-After until the hub is ready: the web server listens a few seconds before the Camel
 * routes behind the Exchange service and the admin API have started, and a call in that window would otherwise
 * end in an internal error ("CamelContext is stopped") that a partner cannot tell from a real failure.
 */
class NotReadyFilter extends OncePerRequestFilter {

    static final String RETRY_AFTER_SECONDS = "5";

    private final BooleanSupplier ready;

    NotReadyFilter(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready.getAsBoolean()) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("text/plain; charset=UTF-8");
        response.getOutputStream().write("the hub is starting; call again in a few seconds\n".getBytes(StandardCharsets.UTF_8));
    }
}
