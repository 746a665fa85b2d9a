package org.lmx.routes.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    @Test
    void waitsGrowByTheMultiplierUpToTheCap() {
        DeliveryPolicy korea = new DeliveryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1), new BigDecimal("2"));

        assertThat(korea.backoffAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(korea.backoffAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(korea.backoffAfter(7)).isEqualTo(Duration.ofSeconds(1920));
        assertThat(korea.backoffAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(korea.backoffAfter(99)).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> korea.backoffAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRetrySpanIsTheSumOfTheWaitsBetweenAttempts() {
        // the examples' own comments: about 3 h 04 min, 1 h and 10 h 41 min
        assertThat(new DeliveryPolicy(10, Duration.ofSeconds(30), Duration.ofHours(1), new BigDecimal("2")).retrySpan())
                .isEqualTo(Duration.ofSeconds(11_010));
        assertThat(new DeliveryPolicy(12, Duration.ofSeconds(10), Duration.ofMinutes(10), new BigDecimal("2")).retrySpan())
                .isEqualTo(Duration.ofSeconds(3_630));
        assertThat(new DeliveryPolicy(16, Duration.ofMinutes(5), Duration.ofHours(1), new BigDecimal("1.5")).retrySpan())
                .isEqualTo(Duration.ofSeconds(38_451, 562_500_000));
        assertThat(new DeliveryPolicy(1, Duration.ofSeconds(30), Duration.ofHours(1), BigDecimal.ONE).retrySpan())
                .isZero();
    }

    @Test
    void aHundredAttemptsWithTheLargestMultiplierStayComputable() {
        DeliveryPolicy policy = new DeliveryPolicy(100, Duration.ofSeconds(1), Duration.ofDays(1), BigDecimal.TEN);

        assertThat(policy.retrySpan()).isEqualTo(Duration.ofSeconds(1 + 10 + 100 + 1_000 + 10_000)
                .plus(Duration.ofDays(1).multipliedBy(94)));
    }
}
