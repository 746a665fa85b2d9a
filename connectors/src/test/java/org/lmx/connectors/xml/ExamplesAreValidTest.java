package org.lmx.connectors.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lmx.xsd.exchange.v1.DocumentType;
import org.w3c.dom.Element;

/**
 * Every committed sample is valid against the contract, and the samples cover the whole catalogue: one
 * envelope per document type (what a partner's engineer copies from) and one agreement per transport kind.
 */
class ExamplesAreValidTest {

    private static final String LMX = "urn:lmx:exchange:1";
    private static final String AGR = "urn:lmx:agreement:1";
    private static final Set<String> HUB_AND_DEMO_COUNTERPARTIES_COUNTRIES =
            Set.of("KAZ", "TUR", "ARE", "USA", "GBR", "KOR", "ISR", "DEU", "UZB", "TJK", "KGZ", "MNG");

    static Stream<Path> documents() {
        return Examples.documents().stream();
    }

    static Stream<Path> agreements() {
        return Examples.agreements().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void everyDocumentSampleIsAValidUnsignedEnvelope(Path file) {
        Element root = Examples.parse(file).getDocumentElement();
        assertThatCode(() -> ContractSchema.EXCHANGE.validate(root.getOwnerDocument())).doesNotThrowAnyException();

        assertThat(root.getLocalName()).isEqualTo("ExchangeMessage");
        assertThat(root.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").getLength())
                .as("committed samples are unsigned; tests sign at run time").isZero();
        String documentType = text(root, "DocumentType");
        Element body = (Element) root.getElementsByTagNameNS(LMX, "Body").item(0);
        assertThat(firstChildElement(body).getLocalName()).as("DocumentType names the Body's element").isEqualTo(documentType);
        // <Type>.xml, or <Type>-<what it shows>.xml for a further sample of a type (a README walkthrough's)
        assertThat(file.getFileName().toString()).matches(Pattern.quote(documentType) + "(-[a-z0-9]+)*\\.xml");

        String from = text(root, "From");
        String to = text(root, "To");
        assertThat(from.equals("KAZ:MLSP") || to.equals("KAZ:MLSP")).as("the hub is a party to every exchange").isTrue();
        String counterparty = from.equals("KAZ:MLSP") ? to : from;
        assertThat(counterparty.substring(0, 3)).isIn(HUB_AND_DEMO_COUNTERPARTIES_COUNTRIES);
        assertThat(text(root, "AgreementId")).as("agreement of the counterparty")
                .isEqualTo("AGR-" + counterparty.replace(':', '-'));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agreements")
    void everyAgreementSampleIsValid(Path file) {
        Element root = Examples.parse(file).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(AGR);
        assertThatCode(() -> ContractSchema.AGREEMENT.validate(root.getOwnerDocument())).doesNotThrowAnyException();
    }

    @Test
    void thereIsOneDocumentSamplePerDocumentType() {
        Set<String> catalogue = Arrays.stream(DocumentType.values()).map(DocumentType::value).collect(Collectors.toSet());
        Set<String> samples = Examples.documents().stream().map(p -> p.getFileName().toString())
                .filter(name -> !name.contains("-")).map(name -> name.replaceFirst("\\.xml$", ""))
                .collect(Collectors.toSet());
        assertThat(samples).isEqualTo(catalogue);
    }

    @Test
    void thereIsOneAgreementSamplePerTransportKind() {
        List<String> transports = Examples.agreements().stream().map(Examples::parse)
                .map(d -> firstChildElement((Element) d.getDocumentElement().getElementsByTagNameNS(AGR, "Transport").item(0)))
                .map(Element::getLocalName).sorted().toList();
        assertThat(transports).containsExactly("Queue", "SoapPull", "SoapPush");
    }

    @Test
    void messageIdsOfTheSamplesAreDistinct() {
        List<String> ids = Examples.documents().stream().map(Examples::parse)
                .map(d -> text(d.getDocumentElement(), "MessageId")).toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(Pattern.compile("[0-9a-f-]{36}").asMatchPredicate());
    }

    private static String text(Element root, String localName) {
        return root.getElementsByTagNameNS(LMX, localName).item(0).getTextContent().trim();
    }

    private static Element firstChildElement(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError(parent.getLocalName() + " has no child element");
    }
}
