package org.lmx.hub.broker;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.utils.DefaultSensitiveStringCodec;
import org.apache.activemq.artemis.utils.PasswordMaskingUtil;
import org.lmx.routes.agency.AgencyQueues;

/**
 * What an external Artemis broker needs so that the hub and its agencies meet there as on the embedded broker:
 * the users (the hub's {@value BrokerCredentials#HUB_USER} and one per agency, passwords hashed as Artemis's
 * {@code artemis-users.properties} takes them), their roles, and the {@code broker.xml} security settings, address
 * settings (dead letters) and queues. The rights are those of {@link EmbeddedBroker}: the hub everything under
 * {@code lmx.}, an agency send on its {@code .out}, consume and browse on its {@code .in} and {@code .dlq}; but no
 * temporary queues, since the hub cannot tell on an external broker whose they are (replies go to {@code .in}).
 *
 * <p>Agency codes are {@code [A-Z0-9-]} ({@link AgencyQueues}), so names go into the XML unescaped.
 */
public final class ExternalBrokerSettings {

    /** Section headers of {@link #text()}: one per file an operator edits. */
    public static final String USERS = "etc/artemis-users.properties";
    public static final String ROLES = "etc/artemis-roles.properties";
    public static final String BROKER_XML = "etc/broker.xml";
    public static final String SECTION = "# ==== ";

    private static final List<String> ALL = List.of("createNonDurableQueue", "deleteNonDurableQueue",
            "createDurableQueue", "deleteDurableQueue", "createAddress", "deleteAddress", "consume", "browse", "send");

    private final List<AgencyQueues> agencies;
    private final BrokerCredentials credentials;

    /** {@code credentials} must hold a password for the hub and for every agency (see {@link BrokerCredentials#ensure}). */
    public ExternalBrokerSettings(List<AgencyQueues> agencies, BrokerCredentials credentials) {
        this.agencies = List.copyOf(agencies);
        this.credentials = credentials;
    }

    public List<AgencyQueues> agencies() {
        return agencies;
    }

    /** Everything, with a header per file: comments for a properties file, so each section can be pasted as it is. */
    public String text() {
        String codes = agencies.stream().map(AgencyQueues::user).collect(Collectors.joining(", "));
        return "# LMX Hub on an external Artemis broker: " + agencies.size() + " agencies (" + codes + ")\n"
                + "# The hub connects as " + BrokerCredentials.HUB_USER + ": --lmx.broker.embedded=false"
                + " --lmx.broker.url=tcp://HOST:PORT --lmx.broker.user=" + BrokerCredentials.HUB_USER
                + " --lmx.broker.password=<" + BrokerCredentials.HUB_USER + ".password in " + credentials.file() + ">\n"
                + "# Agencies log in as their CODE with <CODE.password> from the same file (over AMQP 1.0 or Core).\n"
                + "\n" + SECTION + USERS + ": add these lines (hashed passwords) ====\n" + users()
                + "\n" + SECTION + ROLES + ": add these lines ====\n" + roles()
                + "\n" + SECTION + BROKER_XML + ": inside <core>, add the children of each element to yours of the same name ====\n"
                + brokerXml();
    }

    /** {@code artemis-users.properties} lines: user = ENC(hash). */
    public String users() {
        StringBuilder lines = new StringBuilder();
        lines.append(BrokerCredentials.HUB_USER).append(" = ").append(hash(credentials.password(BrokerCredentials.HUB_USER))).append('\n');
        for (AgencyQueues agency : agencies) {
            lines.append(agency.user()).append(" = ").append(hash(credentials.password(agency.user()))).append('\n');
        }
        return lines.toString();
    }

    /** {@code artemis-roles.properties} lines: role = user,user. */
    public String roles() {
        StringBuilder lines = new StringBuilder();
        lines.append(EmbeddedBroker.HUB_ROLE).append(" = ").append(BrokerCredentials.HUB_USER).append('\n');
        for (AgencyQueues agency : agencies) {
            lines.append(EmbeddedBroker.agencyRole(agency)).append(" = ").append(agency.user()).append('\n');
        }
        return lines.toString();
    }

    /** {@code <security-settings>}, {@code <address-settings>} and {@code <addresses>} of {@code broker.xml}. */
    public String brokerXml() {
        String hub = EmbeddedBroker.HUB_ROLE;
        StringBuilder xml = new StringBuilder("<security-settings>\n");
        xml.append("   <!-- the most specific match wins: under lmx. only these roles have rights (add your admin role"
                + " where it must look) -->\n");
        securitySetting(xml, "lmx.#", Map.of(hub, ALL));
        for (AgencyQueues agency : agencies) {
            String own = EmbeddedBroker.agencyRole(agency);
            securitySetting(xml, agency.out(), Map.of(hub, ALL, own, List.of("send")));
            securitySetting(xml, agency.in(), Map.of(hub, ALL, own, List.of("consume", "browse")));
            securitySetting(xml, agency.deadLetters(), Map.of(hub, ALL, own, List.of("consume", "browse")));
        }
        xml.append("</security-settings>\n<address-settings>\n");
        xml.append("   <!-- a message its consumer fails on ").append(EmbeddedBroker.MAX_DELIVERY_ATTEMPTS)
                .append(" times, or that expires, goes to the agency's dead letters instead of looping -->\n");
        for (AgencyQueues agency : agencies) {
            xml.append("   <address-setting match=\"").append(AgencyQueues.PREFIX).append(agency.code()).append(".#\">\n")
                    .append("      <dead-letter-address>").append(agency.deadLetters()).append("</dead-letter-address>\n")
                    .append("      <expiry-address>").append(agency.deadLetters()).append("</expiry-address>\n")
                    .append("      <max-delivery-attempts>").append(EmbeddedBroker.MAX_DELIVERY_ATTEMPTS).append("</max-delivery-attempts>\n")
                    .append("      <redelivery-delay>").append(EmbeddedBroker.REDELIVERY_DELAY_MILLIS).append("</redelivery-delay>\n")
                    .append("      <redelivery-delay-multiplier>").append(EmbeddedBroker.REDELIVERY_MULTIPLIER).append("</redelivery-delay-multiplier>\n")
                    .append("   </address-setting>\n");
        }
        xml.append("</address-settings>\n<addresses>\n");
        for (AgencyQueues agency : agencies) {
            for (String queue : List.of(agency.in(), agency.out(), agency.deadLetters())) {
                xml.append("   <address name=\"").append(queue).append("\"><anycast><queue name=\"").append(queue)
                        .append("\"/></anycast></address>\n");
            }
        }
        return xml.append("</addresses>\n").toString();
    }

    private static void securitySetting(StringBuilder xml, String match, Map<String, List<String>> rightsByRole) {
        xml.append("   <security-setting match=\"").append(match).append("\">\n");
        for (String type : ALL) {
            String roles = rightsByRole.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey)
                    .sorted().collect(Collectors.joining(","));
            if (!roles.isEmpty()) {
                xml.append("      <permission type=\"").append(type).append("\" roles=\"").append(roles).append("\"/>\n");
            }
        }
        xml.append("   </security-setting>\n");
    }

    /** Artemis's own one-way hash (PBKDF2, salted), as {@code artemis user add} writes it. */
    static String hash(String password) {
        try {
            return PasswordMaskingUtil.wrap(PasswordMaskingUtil.getDefaultCodec(
                    Map.of(DefaultSensitiveStringCodec.ALGORITHM, DefaultSensitiveStringCodec.ONE_WAY)).encode(password));
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash a password with Artemis's codec: " + e, e);
        }
    }
}
