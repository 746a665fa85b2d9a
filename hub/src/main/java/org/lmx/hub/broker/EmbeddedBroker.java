package org.lmx.hub.broker;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.security.auth.Subject;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.remoting.impl.netty.NettyAcceptor;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.remoting.Acceptor;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;
import org.lmx.hub.config.LmxProperties;
import org.lmx.routes.agency.AgencyQueues;

/**
 * The hub's own Artemis broker (the default): a persistent journal under the data directory, security on (Spring
 * Boot would leave both off), no anonymous user, AMQP 1.0 and Core acceptors on the configured host (loopback by
 * default), and an in-VM acceptor for the hub itself. Each agency is a user that may only send to its {@code .out}
 * and consume its {@code .in} (and read its dead letters); the hub may do anything under {@code lmx.}. Agencies
 * may create temporary queues for replies outside {@code lmx.} and consume those it created; nobody but the hub may
 * manage the broker.
 *
 * <p>The AMQP and Core acceptors open only when {@link #openAcceptors()} is called, once the agencies are let in:
 * a broker that listened before it knew its users would refuse every agency reconnecting after a restart, and a
 * refused login is final for clients such as Qpid JMS's failover, which then stop reconnecting for good.
 */
public final class EmbeddedBroker {

    public static final String IN_VM_URL = "vm://0";
    /** The acceptors the agencies connect to; the hub's own in-VM acceptor opens with the broker. */
    public static final List<String> NETWORK_ACCEPTORS = List.of("core", "amqp");
    static final String HUB_ROLE = "lmx-hub";
    static final String AGENCY_ROLE = "agency";
    /**
     * Deliveries of a message on an agency's {@code .out} before the broker dead-letters it itself; shared with
     * ExternalBrokerSettings, so that an external broker gets the very same rules.
     */
    public static final int MAX_DELIVERY_ATTEMPTS = 5;
    static final long REDELIVERY_DELAY_MILLIS = 1000;
    static final double REDELIVERY_MULTIPLIER = 2;

    private final EmbeddedActiveMQ embedded = new EmbeddedActiveMQ();
    private final SecurityConfiguration users = new SecurityConfiguration();

    public EmbeddedBroker(LmxProperties.Broker settings, Path directory, BrokerCredentials credentials) {
        users.addUser(BrokerCredentials.HUB_USER, credentials.password(BrokerCredentials.HUB_USER));
        users.addRole(BrokerCredentials.HUB_USER, HUB_ROLE);
        embedded.setConfiguration(configuration(settings, directory));
        embedded.setSecurityManager(new OwnTemporaryQueues());
    }

    private static Configuration configuration(LmxProperties.Broker settings, Path directory) {
        Configuration config = new ConfigurationImpl();
        config.setName("lmx-hub");
        config.setPersistenceEnabled(true);
        config.setSecurityEnabled(true);
        config.setJMXManagementEnabled(false);
        config.setJournalDirectory(directory.resolve("journal").toString());
        config.setBindingsDirectory(directory.resolve("bindings").toString());
        config.setPagingDirectory(directory.resolve("paging").toString());
        config.setLargeMessagesDirectory(directory.resolve("large-messages").toString());
        try {
            config.addAcceptorConfiguration("in-vm", IN_VM_URL);
            config.addAcceptorConfiguration("core", "tcp://" + settings.host() + ":" + settings.corePort()
                    + "?protocols=CORE;autoStart=false");
            config.addAcceptorConfiguration("amqp", "tcp://" + settings.host() + ":" + settings.amqpPort()
                    + "?protocols=AMQP;autoStart=false");
        } catch (Exception e) {
            throw new IllegalArgumentException("cannot configure the broker's acceptors: " + e.getMessage(), e);
        }
        // most specific match wins: lmx.# is the hub's alone, each agency's queues are added by allow(...)
        config.putSecurityRoles("#", Set.of(hub(), new Role(AGENCY_ROLE, false, false, false, false, true, true,
                false, false, true, true, false, false)));
        config.putSecurityRoles("lmx.#", Set.of(hub()));
        config.putSecurityRoles(config.getManagementAddress().toString(), Set.of(hub()));
        return config;
    }

    private static Role hub() {
        return new Role(HUB_ROLE, true, true, true, true, true, true, true, true, true, true, true, true);
    }

    public void start() throws Exception {
        embedded.start();
    }

    /** Opens the AMQP and Core acceptors, if not yet open: call it once the agencies known now are let in. */
    public synchronized void openAcceptors() throws Exception {
        for (String name : NETWORK_ACCEPTORS) {
            Acceptor acceptor = server().getRemotingService().getAcceptor(name);
            if (!acceptor.isStarted()) {
                acceptor.start();
            }
        }
    }

    public void stop() throws Exception {
        embedded.stop();
    }

    /** Whether the broker runs and agencies can connect to {@code acceptor} (for the health check). */
    public boolean isOpen(String acceptor) {
        ActiveMQServer server = server();
        return server != null && server.isActive() && server.getRemotingService().getAcceptor(acceptor).isStarted();
    }

    ActiveMQServer server() {
        return embedded.getActiveMQServer();
    }

    /** The port an acceptor listens on (port 0 in the settings means one chosen at start). */
    public int port(String acceptor) {
        return ((NettyAcceptor) server().getRemotingService().getAcceptor(acceptor)).getActualPort();
    }

    /** Lets an agency in: its user, its rights on its own queues, and the queues themselves. */
    public synchronized void allow(AgencyQueues agency, String password) throws Exception {
        users.addUser(agency.user(), password);
        users.addRole(agency.user(), AGENCY_ROLE);
        users.addRole(agency.user(), agencyRole(agency));
        String own = agencyRole(agency);
        // send only to .out; consume and browse only .in and its own dead letters
        server().getSecurityRepository().addMatch(agency.out(), Set.of(hub(),
                new Role(own, true, false, false, false, false, false, false, false, false, false, false, false)));
        Role reader = new Role(own, false, true, false, false, false, false, false, true, false, false, false, false);
        server().getSecurityRepository().addMatch(agency.in(), Set.of(hub(), reader));
        server().getSecurityRepository().addMatch(agency.deadLetters(), Set.of(hub(), reader));
        // a message its consumer fails on again and again (the hub's database down, an agency's bug) ends in the
        // agency's dead letters instead of looping; set before the queues exist, so that they are made with it
        SimpleString deadLetters = SimpleString.of(agency.deadLetters());
        server().getAddressSettingsRepository().addMatch(AgencyQueues.PREFIX + agency.code() + ".#", new AddressSettings()
                .setDeadLetterAddress(deadLetters).setExpiryAddress(deadLetters)
                .setMaxDeliveryAttempts(MAX_DELIVERY_ATTEMPTS)
                .setRedeliveryDelay(REDELIVERY_DELAY_MILLIS).setRedeliveryMultiplier(REDELIVERY_MULTIPLIER));
        for (String queue : new String[] {agency.in(), agency.out(), agency.deadLetters()}) {
            if (server().locateQueue(queue) == null) {
                server().createQueue(QueueConfiguration.of(queue).setRoutingType(RoutingType.ANYCAST).setDurable(true));
            }
        }
    }

    /** True if {@code queue} is a temporary queue that {@code agency}'s user created (a reply destination it owns). */
    public boolean isTemporaryQueueOf(String queue, AgencyQueues agency) {
        Queue found = server().locateQueue(queue);
        return found != null && found.isTemporary() && found.getUser() != null
                && agency.user().equals(found.getUser().toString());
    }

    /**
     * The users and roles above, plus: a user may consume the temporary queues it created itself (where an agency asks
     * for its receipts). Roles cannot say that: a temporary queue's address is a name the broker makes up.
     */
    private final class OwnTemporaryQueues extends ActiveMQJAASSecurityManager {

        OwnTemporaryQueues() {
            super(InVMLoginModule.class.getName(), users);
        }

        @Override
        public boolean authorize(Subject subject, Set<Role> roles, CheckType checkType, String address) {
            if (super.authorize(subject, roles, checkType, address)) {
                return true;
            }
            if (checkType != CheckType.CONSUME || address == null) {
                return false;
            }
            String user = getUserFromSubject(subject);
            String name = address.contains("::") ? address.substring(address.indexOf("::") + 2) : address;
            Queue queue = server().locateQueue(name);
            return user != null && queue != null && queue.isTemporary() && queue.getUser() != null
                    && user.equals(queue.getUser().toString());
        }
    }

    static String agencyRole(AgencyQueues agency) {
        return AGENCY_ROLE + "-" + agency.code();
    }
}
