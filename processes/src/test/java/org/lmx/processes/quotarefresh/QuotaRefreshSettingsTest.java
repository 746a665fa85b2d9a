package org.lmx.processes.quotarefresh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The yearly start's cron, written for Almaty, as an engine in another zone must read it. */
class QuotaRefreshSettingsTest {

    private final QuotaRefreshSettings almaty = QuotaRefreshSettings.defaults();

    @Test
    void firstNovemberAtSixInAlmatyIsOneOClockUtc() {
        assertThat(almaty.inZone(ZoneOffset.UTC)).isEqualTo("0 0 1 1 11 ?");
    }

    @Test
    void anEngineInAlmatysOwnZoneReadsTheCronAsWritten() {
        assertThat(almaty.inZone(ZoneId.of("Asia/Almaty"))).isEqualTo("0 0 6 1 11 ?");
    }

    @Test
    void aTimeThatCrossesMidnightMovesTheDayToo() {
        QuotaRefreshSettings early = new QuotaRefreshSettings("0 30 2 1 11 ?", ZoneId.of("Asia/Almaty"), null);
        assertThat(early.inZone(ZoneOffset.UTC)).isEqualTo("0 30 21 31 10 ?");
    }

    @Test
    void aCronWithRangesOrStepsIsUsedAsWritten() {
        QuotaRefreshSettings weekly = new QuotaRefreshSettings("0 0 6 ? * MON", ZoneId.of("Asia/Almaty"), null);
        assertThat(weekly.inZone(ZoneOffset.UTC)).isEqualTo("0 0 6 ? * MON");
    }
}
