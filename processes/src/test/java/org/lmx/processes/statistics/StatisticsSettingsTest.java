package org.lmx.processes.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The monthly start at 06:00 in Almaty, whatever zone the engine's JVM runs in. */
class StatisticsSettingsTest {

    @Test
    void sixInTheMorningInAlmatyIsOneInTheMorningForAnEngineOnUtc() {
        assertThat(StatisticsSettings.defaults().inZone(ZoneOffset.UTC)).isEqualTo("0 0 1 1W * ?");
    }

    @Test
    void anEngineInAlmatyReadsTheCronAsWritten() {
        assertThat(StatisticsSettings.defaults().inZone(ZoneId.of("Asia/Almaty"))).isEqualTo("0 0 6 1W * ?");
    }

    @Test
    void aTimeThatWouldMoveToAnotherDayIsLeftAsWritten() {
        // 03:00 in Almaty is 22:00 the day before in UTC: "the weekday nearest the 1st" cannot move with it
        StatisticsSettings early = new StatisticsSettings("0 0 3 1W * ?", ZoneId.of("Asia/Almaty"), "KAZ:BNS", null);
        assertThat(early.inZone(ZoneOffset.UTC)).isEqualTo("0 0 3 1W * ?");
    }
}
