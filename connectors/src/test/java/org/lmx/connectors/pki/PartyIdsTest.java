package org.lmx.connectors.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Party ids as the contract defines them, their file-name form, and their binding in certificates. */
class PartyIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"KOR:MOEL", "KAZ:MLSP", "KAZ:AKIMAT-75", "ARE:NGO-EWAS", "UZB:MEHNAT", "USA:DOL"})
    void partyIdsOfTheContractAreValid(String id) {
        assertThat(PartyIds.isValid(id)).isTrue();
        assertThat(PartyIds.requireValid(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kor:moel", "KOR", "KOR:", "KO:MOEL", "KORE:MOEL", "KOR:-MOEL", "KOR:MO EL", "KOR_MOEL",
            "KOR:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456"})
    void otherStringsAreRefusedWithAnExplanation(String id) {
        assertThat(PartyIds.isValid(id)).isFalse();
        assertThatThrownBy(() -> PartyIds.requireValid(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + id + "' is not a party id").hasMessageContaining("e.g. KOR:MOEL");
    }

    @Test
    void aPartyIdHasAUriAFileNameAndACountry() {
        assertThat(PartyIds.uri("KOR:MOEL")).isEqualTo("urn:lmx:party:KOR:MOEL");
        assertThat(PartyIds.fileName("KOR:MOEL")).isEqualTo("KOR_MOEL");
        assertThat(PartyIds.fileName("KAZ:AKIMAT-75")).isEqualTo("KAZ_AKIMAT-75");
        assertThat(PartyIds.fromFileName("KAZ_AKIMAT-75")).contains("KAZ:AKIMAT-75");
        assertThat(PartyIds.fromFileName("hub-ca")).isEmpty();
        assertThat(PartyIds.country("KOR:MOEL")).isEqualTo("KOR");
        assertThat(PartyIds.countryAlpha2("KOR:MOEL")).contains("KR");
        assertThat(PartyIds.countryAlpha2("ARE:MOHRE")).contains("AE");
        assertThat(PartyIds.countryAlpha2("ZZZ:NOBODY")).isEmpty();
    }

    @Test
    void everyDemoPartyIsAValidPartyOfAKnownCountry() {
        assertThat(DemoParties.ids()).hasSize(20).doesNotHaveDuplicates().first().isEqualTo(DemoParties.HUB);
        assertThat(DemoParties.counterpartyIds()).hasSize(19).doesNotContain(DemoParties.HUB);
        for (String id : DemoParties.ids()) {
            assertThat(PartyIds.isValid(id)).as(id).isTrue();
            assertThat(PartyIds.countryAlpha2(id)).as(id).isPresent();
        }
    }

    @Test
    void aCertificateWithoutPartyUriBindsNoParty(@TempDir Path dir) throws Exception {
        CertificateAuthority ca = TestCa.create(dir);
        assertThat(PartyIds.partyOf(ca.certificate())).isEmpty();
        assertThat(PartyIds.partiesOf(ca.certificate())).isEmpty();
        assertThat(PartyIds.partyOf(ca.issue("KAZ:MIA", KeyAlgorithm.EC_P256, Duration.ofDays(1)).certificate()))
                .contains("KAZ:MIA");
    }
}
