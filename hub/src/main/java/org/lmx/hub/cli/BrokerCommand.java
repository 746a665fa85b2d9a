package org.lmx.hub.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmx.hub.broker.AgencyAccess;
import org.lmx.hub.broker.BrokerCredentials;
import org.lmx.hub.broker.ExternalBrokerSettings;
import org.lmx.routes.agency.AgencyQueues;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.FileReport;
import org.lmx.routes.agreements.ReloadReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lmx broker ...}: the message broker of the domestic agencies. */
@Command(name = "broker",
        mixinStandardHelpOptions = true,
        description = "The message broker of the domestic agencies.",
        subcommands = {BrokerCommand.Security.class, CommandLine.HelpCommand.class})
final class BrokerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a broker command is required");
    }

    /**
     * What an external Artemis broker must be given for the agencies of the agreements: the agreement files are
     * imported with the hub's own checks into a throw-away database, exactly as the hub would import them.
     */
    @Command(name = "security",
            mixinStandardHelpOptions = true,
            description = {"Print what an external Artemis broker needs for the agencies of the agreements.",
                    "For the hub and each agency of the agreements in DIR/agreements (imported with the hub's own"
                            + " checks): lines for artemis-users.properties (hashed passwords) and"
                            + " artemis-roles.properties, and the <security-settings>, <address-settings> and"
                            + " <addresses> of broker.xml.",
                    "The hub and every agency without a password get one in DIR/" + BrokerCredentials.FILE
                            + ", as the hub itself does: the agency's login at the broker and at the REST API."})
    static final class Security implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
                description = "the hub's data directory (default: ${DEFAULT-VALUE})")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            Path agreements = dataDir.resolve("agreements");
            if (!Files.isDirectory(agreements)) {
                throw new CliFailure("no agreements directory " + agreements + " (start the hub once, or put the agreement files there)");
            }
            AgreementRegistry registry = new AgreementRegistry(ScratchDatabase.create(), agreements, dataDir.resolve("pki"),
                    Clock.systemDefaultZone());
            ReloadReport report = registry.reload("lmx broker security");
            PrintWriter err = spec.commandLine().getErr();
            for (FileReport refused : report.refused()) {
                err.println("WARNING  " + refused.fileName() + " refused as the hub would refuse it, so it makes no agency: "
                        + refused.problems());
            }
            err.flush();
            List<AgencyQueues> agencies = AgencyAccess.agenciesOf(registry);
            BrokerCredentials credentials = BrokerCredentials.open(dataDir.resolve(BrokerCredentials.FILE));
            credentials.ensure(agencies.stream().map(AgencyQueues::user).toList());
            PrintWriter out = spec.commandLine().getOut();
            out.print(new ExternalBrokerSettings(agencies, credentials).text());
            out.flush();
            return 0;
        }
    }
}
