package org.lmx.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The conventions every schema of the contract keeps, checked on the schema files themselves: no default or
 * fixed values (validation must never change signed content), every dateTime through DateTimeWithOffset,
 * every enumeration value documented, no DTD-bearing imports.
 */
class SchemaConventionsTest {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final Path SCHEMAS = Path.of("src", "main", "resources", "lmx");

    static Stream<Path> schemas() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<Path> list = files.filter(f -> f.toString().endsWith(".xsd")).sorted().toList();
            assertThat(list).extracting(p -> p.getFileName().toString())
                    .contains("types.xsd", "exchange.xsd", "control.xsd", "permits.xsd", "abroad.xsd",
                            "agreement.xsd", "exchange-service.xsd");
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void noDefaultOrFixedValues(Path schema) throws Exception {
        List<String> offending = new ArrayList<>();
        for (Element e : all(read(schema), "*")) {
            if (e.hasAttribute("default") || e.hasAttribute("fixed")) {
                offending.add(e.getLocalName() + " " + e.getAttribute("name"));
            }
        }
        assertThat(offending).as("declarations with default or fixed values in " + schema).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void everyDateTimeRequiresAnOffset(Path schema) throws Exception {
        List<String> plain = new ArrayList<>();
        for (Element e : all(read(schema), "*")) {
            for (String attribute : List.of("type", "base")) {
                if (e.getAttribute(attribute).endsWith(":dateTime")) {
                    Element owner = (Element) e.getParentNode();
                    boolean isTheOffsetType = "DateTimeWithOffset".equals(owner.getAttribute("name"));
                    if (!isTheOffsetType) {
                        plain.add(e.getLocalName() + " " + e.getAttribute("name"));
                    }
                }
            }
        }
        assertThat(plain).as("xs:dateTime used without DateTimeWithOffset in " + schema).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void everyEnumerationValueIsDocumented(Path schema) throws Exception {
        List<String> undocumented = new ArrayList<>();
        for (Element e : all(read(schema), "enumeration")) {
            if (e.getElementsByTagNameNS(XS, "documentation").getLength() == 0
                    || e.getElementsByTagNameNS(XS, "documentation").item(0).getTextContent().isBlank()) {
                undocumented.add(e.getAttribute("value"));
            }
        }
        assertThat(undocumented).as("enumeration values without xs:documentation in " + schema).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void importsAndIncludesStayInsideTheContract(Path schema) throws Exception {
        Document d = read(schema);
        for (String kind : List.of("import", "include")) {
            for (Element e : all(d, kind)) {
                String location = e.getAttribute("schemaLocation");
                assertThat(location).as(kind + " in " + schema).doesNotContain(":").doesNotContain("/");
                assertThat(SCHEMAS.resolve(location)).exists();
            }
        }
    }

    private static Document read(Path schema) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(schema.toFile());
    }

    private static List<Element> all(Document d, String localName) {
        NodeList nodes = d.getElementsByTagNameNS(XS, localName);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
