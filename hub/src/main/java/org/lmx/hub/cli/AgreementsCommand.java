package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmx.routes.agreements.AgreementRegistry;
import org.lmx.routes.agreements.Problem;
import org.lmx.routes.agreements.ValidationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lmx agreements}: agreement files, offline. */
@Command(name = "agreements",
        mixinStandardHelpOptions = true,
        description = "Work with agreement files offline (the running hub has POST /api/agreements/validate).",
        subcommands = {AgreementsCommand.Validate.class, CommandLine.HelpCommand.class})
final class AgreementsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /**
     * The hub's own import checks on agreement files, against a throw-away in-memory database, so that an
     * operator sees every problem before a file goes into the data directory.
     */
    @Command(name = "validate",
            mixinStandardHelpOptions = true,
            description = {"Dry run of the hub's import checks: schema, the rules beyond it, trust files.",
                    "Exit code 0 when every file would be imported, 1 when any would be refused."})
    static final class Validate implements Callable<Integer> {

        @Option(names = "--trust-dir", paramLabel = "DIR", defaultValue = "data/pki",
                description = "where CertificateFile entries are resolved (default: ${DEFAULT-VALUE}, the hub's PKI)")
        Path trustDir;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "agreement files")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            AgreementRegistry registry = new AgreementRegistry(ScratchDatabase.create(), Path.of("."), trustDir, Clock.systemDefaultZone());
            int refused = 0;
            for (Path file : files) {
                ValidationReport report = registry.validate(file.getFileName().toString(), Files.readAllBytes(file));
                if (report.valid()) {
                    System.out.println("VALID    " + file + " (" + report.agreementId() + " version " + report.version() + ")");
                } else {
                    refused++;
                    System.out.println("INVALID  " + file);
                    for (Problem problem : report.problems()) {
                        System.out.println("         - " + problem);
                    }
                }
            }
            return refused == 0 ? 0 : 1;
        }
    }
}
