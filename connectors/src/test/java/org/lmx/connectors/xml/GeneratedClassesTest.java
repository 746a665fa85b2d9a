package org.lmx.connectors.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Marshaller;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.lmx.xsd.agreement.v1.Agreement;
import org.lmx.xsd.exchange.v1.ExchangeMessage;
import org.lmx.xsd.exchange.v1.Traveller;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/**
 * The Java generated from the contract reads every sample and writes it back valid, with java.time values
 * that keep the sender's offset. (The hub never re-serializes a signed document; this is for documents the
 * hub builds itself.)
 */
class GeneratedClassesTest {

    private static JAXBContext context;

    @BeforeAll
    static void context() throws Exception {
        context = JAXBContext.newInstance(ExchangeMessage.class, Agreement.class);
    }

    static Stream<Path> samples() {
        return Stream.concat(Examples.documents().stream(), Examples.agreements().stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everySampleSurvivesARoundTripThroughTheGeneratedClasses(Path file) throws Exception {
        Object value = context.createUnmarshaller().unmarshal(Examples.parse(file));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Marshaller marshaller = context.createMarshaller();
        marshaller.marshal(value, out);
        var reparsed = SecureXml.parse(out.toByteArray());
        ContractSchema schema = ContractSchema.forNamespace(reparsed.getDocumentElement().getNamespaceURI()).orElseThrow();
        assertThatCode(() -> schema.validate(reparsed)).doesNotThrowAnyException();
    }

    @Test
    void datesAreJavaTimeAndKeepTheSendersOffset() throws Exception {
        ExchangeMessage message = (ExchangeMessage) context.createUnmarshaller()
                .unmarshal(Examples.parse(Examples.document("WorkPermitApplication")));
        assertThat(message.getHeader().getCreated().getOffset()).isEqualTo(ZoneOffset.ofHours(5));

        WorkPermitApplication application = (WorkPermitApplication) message.getBody().getDocument().getValue();
        Traveller applicant = application.getApplicant();
        LocalDate birth = applicant.getBirthDate();
        assertThat(birth).isBefore(LocalDate.of(2010, 1, 1));
        assertThat(applicant.getTravelDocument().getExpiryDate()).isAfter(applicant.getTravelDocument().getIssueDate());
    }
}
