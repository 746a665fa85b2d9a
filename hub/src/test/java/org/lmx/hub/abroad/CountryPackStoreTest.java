package org.lmx.hub.abroad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The country packs shipped in the hub: one per partner country of the demo, versioned, marked as demo content. */
class CountryPackStoreTest {

    private final CountryPackStore store = CountryPackStore.fromClasspath();

    @Test
    void everyHostCountryOfTheDemoHasAPackWithTheFourTopicsMarkedAsDemoContent() {
        assertThat(store.currentPacks()).extracting(CountryPack::country)
                .containsExactly("ARE", "DEU", "GBR", "ISR", "KOR", "TUR", "USA");
        for (CountryPack pack : store.currentPacks()) {
            assertThat(pack.notice()).as(pack.id()).startsWith("DEMO CONTENT");
            assertThat(pack.sections()).as(pack.id()).extracting(CountryPack.Section::topic)
                    .containsExactly("LEGISLATION", "CULTURE", "LANGUAGE", "PROCEDURES");
            assertThat(pack.sections()).allSatisfy(s -> assertThat(s.text()).isNotBlank());
        }
    }

    @Test
    void theHighestVersionIsCurrentAndResultsNameIt() {
        assertThat(store.versions("KOR")).containsExactly(1, 2);
        assertThat(store.current("KOR")).get().extracting(CountryPack::id).isEqualTo("INFO-KOR-v2");
        assertThat(store.currentReference("KOR")).contains("INFO-KOR-v2");
        assertThat(store.version("KOR", 1)).get().extracting(CountryPack::id).isEqualTo("INFO-KOR-v1");
        assertThat(store.currentReference("DEU")).contains("INFO-DEU-v1");
        assertThat(store.currentReference("FRA")).isEmpty();
        assertThat(store.version("KOR", 3)).isEmpty();
    }

    @Test
    void twoPacksOfTheSameVersionStopTheStart() {
        CountryPack pack = store.current("DEU").orElseThrow();
        assertThatThrownBy(() -> new CountryPackStore(List.of(pack, pack)))
                .hasMessageContaining("two country packs INFO-DEU-v1");
    }
}
