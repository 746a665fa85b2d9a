package org.lmx.bench.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lmx.bench.jmh.SignedDocuments;
import org.lmx.bench.keys.BenchKey;
import org.lmx.bench.keys.BenchPki;
import org.lmx.bench.work.PerMessageWork;
import org.lmx.connectors.pki.Credential;

/** The benchmark documents are what the hub would accept: schema-valid, signed, of the size asked for. */
class BenchDocumentsTest {

    private static final BenchPki PKI = BenchPki.create();

    @ParameterizedTest
    @CsvSource({"5KB, KOR:MOEL, AGR-KOR-MOEL, BusinessNotice",
            "50KB, KOR:MOEL, AGR-KOR-MOEL, InformationResponse", "5MB, KAZ:SRC, AGR-KAZ-SRC, WorkplaceReport"})
    void aSignedDocumentOfEachSizeIsValidVerifiesAndHasItsSize(String size, String party, String agreement,
                                                              String type) throws Exception {
        Credential korea = PKI.issue(party, BenchKey.RSA_2048);
        int target = BenchDocuments.parseSize(size);

        byte[] signed = SignedDocuments.signed(target, korea, agreement);

        PerMessageWork work = new PerMessageWork(PKI.trust(), PKI.issue("KAZ:MLSP", BenchKey.EC_P256));
        assertThat(work.verify(PerMessageWork.parseAndValidate(signed))).isEqualTo(party);
        assertThat(new String(signed, 0, 1200, java.nio.charset.StandardCharsets.UTF_8))
                .contains("<DocumentType>" + type + "</DocumentType>");
        assertThat(signed.length).isBetween((int) (target * 0.97), (int) (target * 1.03));
        assertThat(new String(work.accept(signed), java.nio.charset.StandardCharsets.UTF_8)).contains(">ACCEPTED<");
    }

    @Test
    void aTwoKilobyteDocumentBeforeSigning() throws Exception {
        byte[] unsigned = BenchDocuments.ofSize(2048, "KAZ:SRC", "AGR-KAZ-SRC");
        assertThat(unsigned.length).isBetween(2048, 2048 + 64);
        PerMessageWork.parseAndValidate(unsigned);
    }

    @Test
    void everyDocumentIsANewMessage() {
        String a = new String(BenchDocuments.ofSize(5000, "KOR:MOEL", "AGR-KOR-MOEL"));
        String b = new String(BenchDocuments.ofSize(5000, "KOR:MOEL", "AGR-KOR-MOEL"));
        assertThat(messageId(a)).isNotEqualTo(messageId(b));
    }

    @Test
    void sizesAreReadAsTheIssueWritesThem() {
        assertThat(BenchDocuments.parseSize("2KB")).isEqualTo(2048);
        assertThat(BenchDocuments.parseSize("5MB")).isEqualTo(5 * 1024 * 1024);
        assertThat(BenchDocuments.parseSize("700")).isEqualTo(700);
        assertThatThrownBy(() -> BenchDocuments.parseSize("big")).hasMessageContaining("not a size");
    }

    @Test
    void keyKindsAreReadByTheirNames() {
        assertThat(BenchKey.parse("EC-P256")).isEqualTo(BenchKey.EC_P256);
        assertThat(BenchKey.parse("rsa3072")).isEqualTo(BenchKey.RSA_3072);
        assertThatThrownBy(() -> BenchKey.parse("DSA-1024")).hasMessageContaining("RSA-2048, RSA-3072, EC-P256");
    }

    private static String messageId(String xml) {
        int at = xml.indexOf("<MessageId>") + 11;
        return xml.substring(at, xml.indexOf('<', at));
    }
}
