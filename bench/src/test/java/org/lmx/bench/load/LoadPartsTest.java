package org.lmx.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The load command's own arithmetic and parsing, which its figures rest on. */
class LoadPartsTest {

    @Test
    void percentilesOfOneHundredLatencies() {
        Latencies a = new Latencies();
        Latencies b = new Latencies();
        for (int ms = 1; ms <= 100; ms++) {
            (ms % 2 == 0 ? a : b).add(ms * 1_000_000L);
        }
        Latencies all = Latencies.merge(List.of(a, b));
        assertThat(all.count()).isEqualTo(100);
        assertThat(all.percentileMillis(50)).isEqualTo(50.0);
        assertThat(all.percentileMillis(99)).isEqualTo(99.0);
        assertThat(all.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void theReceiptIsReadFromSubmitResponseWhateverItsPrefix() {
        String receipt = "<Receipt xmlns=\"urn:lmx:exchange:1\"><Status>REJECTED</Status><Error><Code>LMX-MSG-CONFLICT</Code></Error></Receipt>";
        String soap = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                + "<ns2:SubmitResponse xmlns:ns2=\"urn:lmx:exchange:service:1\"><ns2:Receipt>"
                + Base64.getEncoder().encodeToString(receipt.getBytes(StandardCharsets.UTF_8))
                + "</ns2:Receipt></ns2:SubmitResponse></soap:Body></soap:Envelope>";
        assertThat(SoapSubmitter.receiptOf(soap)).isEqualTo(receipt);
        assertThat(SoapSubmitter.receiptOf("<soap:Fault/>")).isNull();
    }

    @Test
    void theSubmitEnvelopeCarriesTheExactSignedBytes() {
        byte[] signed = "<ExchangeMessage>ü</ExchangeMessage>".getBytes(StandardCharsets.UTF_8);
        String envelope = new String(SoapSubmitter.envelope(signed), StandardCharsets.US_ASCII);
        String base64 = envelope.substring(envelope.indexOf("<Document>") + 10, envelope.indexOf("</Document>"));
        assertThat(Base64.getDecoder().decode(base64)).isEqualTo(signed);
    }
}
