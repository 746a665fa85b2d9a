package org.lmx.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A partner's call during the hub's start gets 503 and Retry-After, never reaching the not yet started routes. */
class NotReadyFilterTest {

    @Test
    void aCallBeforeTheHubIsReadyIsToldToComeBackAndOneAfterGoesThrough() throws Exception {
        AtomicBoolean ready = new AtomicBoolean(false);
        NotReadyFilter filter = new NotReadyFilter(ready::get);

        MockHttpServletResponse early = new MockHttpServletResponse();
        MockFilterChain notCalled = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/services/exchange12"), early, notCalled);
        assertThat(early.getStatus()).isEqualTo(503);
        assertThat(early.getHeader("Retry-After")).isEqualTo("5");
        assertThat(early.getContentAsString()).contains("starting");
        assertThat(notCalled.getRequest()).isNull();

        ready.set(true);
        MockHttpServletResponse later = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(new MockHttpServletRequest("POST", "/services/exchange12"), later, chain);
        assertThat(later.getStatus()).isEqualTo(200);
        assertThat(chain.getRequest()).isNotNull();
    }
}
