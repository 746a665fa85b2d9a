package org.lmx.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.activemq.artemis.utils.PasswordMaskingUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.routes.agency.AgencyQueues;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** What {@code lmx broker security} prints for the migration police and the border service. */
class ExternalBrokerSettingsTest {

    @TempDir
    Path dir;

    private BrokerCredentials credentials;
    private ExternalBrokerSettings settings;

    @BeforeEach
    void twoAgencies() {
        credentials = BrokerCredentials.open(dir.resolve(BrokerCredentials.FILE));
        credentials.ensure(List.of("MIA", "BORDER"));
        settings = new ExternalBrokerSettings(List.of(AgencyQueues.of("KAZ:MIA"), AgencyQueues.of("KAZ:BORDER")), credentials);
    }

    @Test
    void usersGetTheirPasswordsHashedAsArtemisChecksThem() throws Exception {
        List<String> lines = settings.users().lines().toList();
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(" = "))).containsExactly("lmx-hub", "MIA", "BORDER");
        for (String line : lines) {
            String user = line.substring(0, line.indexOf(" = "));
            String hash = line.substring(line.indexOf(" = ") + 3);
            assertThat(PasswordMaskingUtil.isEncMasked(hash)).isTrue();
            assertThat(hash).doesNotContain(credentials.password(user));
            assertThat(PasswordMaskingUtil.getHashProcessor(hash).compare(credentials.password(user).toCharArray(), hash)).isTrue();
            assertThat(PasswordMaskingUtil.getHashProcessor(hash).compare("guess".toCharArray(), hash)).isFalse();
        }
    }

    @Test
    void eachUserHasItsOwnRole() {
        assertThat(settings.roles().lines()).containsExactly("lmx-hub = lmx-hub", "agency-MIA = MIA", "agency-BORDER = BORDER");
    }

    @Test
    void anAgencyMaySendOnlyOnItsOutAndReadOnlyItsInAndDeadLetters() throws Exception {
        Document xml = brokerXml();
        assertThat(permissions(xml, "lmx.agency.MIA.out")).containsExactlyInAnyOrder(
                "createNonDurableQueue=lmx-hub", "deleteNonDurableQueue=lmx-hub", "createDurableQueue=lmx-hub",
                "deleteDurableQueue=lmx-hub", "createAddress=lmx-hub", "deleteAddress=lmx-hub", "consume=lmx-hub",
                "browse=lmx-hub", "send=agency-MIA,lmx-hub");
        assertThat(permissions(xml, "lmx.agency.MIA.in")).contains("consume=agency-MIA,lmx-hub", "browse=agency-MIA,lmx-hub",
                "send=lmx-hub");
        assertThat(permissions(xml, "lmx.agency.MIA.dlq")).contains("consume=agency-MIA,lmx-hub", "send=lmx-hub");
        assertThat(permissions(xml, "lmx.agency.BORDER.in")).contains("consume=agency-BORDER,lmx-hub")
                .noneMatch(p -> p.contains("MIA"));
        assertThat(permissions(xml, "lmx.#")).allMatch(p -> p.endsWith("=lmx-hub")).hasSize(9);
        assertThat(elements(xml, "security-setting")).extracting(e -> e.getAttribute("match"))
                .as("nothing outside lmx.").allMatch(match -> match.startsWith("lmx."));
    }

    @Test
    void everyAgencyQueueExistsAndFailuresGoToItsDeadLetters() throws Exception {
        Document xml = brokerXml();
        assertThat(elements(xml, "address")).extracting(e -> e.getAttribute("name")).containsExactly(
                "lmx.agency.MIA.in", "lmx.agency.MIA.out", "lmx.agency.MIA.dlq",
                "lmx.agency.BORDER.in", "lmx.agency.BORDER.out", "lmx.agency.BORDER.dlq");
        Element police = elements(xml, "address-setting").get(0);
        assertThat(police.getAttribute("match")).isEqualTo("lmx.agency.MIA.#");
        assertThat(text(police, "dead-letter-address")).isEqualTo("lmx.agency.MIA.dlq");
        assertThat(text(police, "expiry-address")).isEqualTo("lmx.agency.MIA.dlq");
        assertThat(text(police, "max-delivery-attempts")).isEqualTo(Integer.toString(EmbeddedBroker.MAX_DELIVERY_ATTEMPTS));
    }

    @Test
    void theTextHasOneSectionPerFileInOrder() {
        String text = settings.text();
        int users = text.indexOf(ExternalBrokerSettings.SECTION + ExternalBrokerSettings.USERS);
        int roles = text.indexOf(ExternalBrokerSettings.SECTION + ExternalBrokerSettings.ROLES);
        int xml = text.indexOf(ExternalBrokerSettings.SECTION + ExternalBrokerSettings.BROKER_XML);
        assertThat(users).isPositive().isLessThan(roles);
        assertThat(roles).isLessThan(xml);
        assertThat(text).contains("2 agencies (MIA, BORDER)").contains(credentials.file().toString())
                .doesNotContain(credentials.password("MIA"));
    }

    private Document brokerXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader("<core>" + settings.brokerXml() + "</core>")));
    }

    private static List<String> permissions(Document xml, String match) {
        Element setting = elements(xml, "security-setting").stream().filter(e -> match.equals(e.getAttribute("match")))
                .findFirst().orElseThrow();
        NodeList permissions = setting.getElementsByTagName("permission");
        return java.util.stream.IntStream.range(0, permissions.getLength()).mapToObj(i -> (Element) permissions.item(i))
                .map(p -> p.getAttribute("type") + "=" + p.getAttribute("roles")).toList();
    }

    private static List<Element> elements(Document xml, String name) {
        NodeList found = xml.getElementsByTagName(name);
        return java.util.stream.IntStream.range(0, found.getLength()).mapToObj(i -> (Element) found.item(i)).toList();
    }

    private static String text(Element parent, String child) {
        return parent.getElementsByTagName(child).item(0).getTextContent();
    }
}
