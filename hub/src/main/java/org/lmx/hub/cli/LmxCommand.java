package org.lmx.hub.cli;

import org.lmx.connectors.LmxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lmx} command line. Commands other than {@code serve} start no Spring context. */
@Command(name = "lmx",
        mixinStandardHelpOptions = true,
        versionProvider = LmxCommand.Version.class,
        description = "LMX Hub: signed labour-migration document exchange.",
        subcommands = {
                ServeCommand.class,
                ValidateCommand.class,
                AgreementsCommand.class,
                SignCommand.class,
                VerifyCommand.class,
                PkiCommand.class,
                SendCommand.class,
                LogCommand.class,
                EvidenceCommand.class,
                BrokerCommand.class,
                PartnerCommand.class,
                ConformanceCommand.class,
                TrustCommand.class,
                CommandLine.HelpCommand.class})
public final class LmxCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length == 0 || !"serve".equals(args[0])) {
            CliLogging.quiet();
        }
        int exitCode = run(args);
        // a started hub keeps running on its own threads until it is stopped; every other command ends here
        if (exitCode != 0 || !ServeCommand.isServing()) {
            System.exit(exitCode);
        }
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new LmxCommand()).setExecutionExceptionHandler(LmxCommand::refused).execute(args);
    }

    /** An LMX refusal (unreadable key, unknown party, ...) is an answer, not a crash: its code and reason, exit 1. */
    private static int refused(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) throws Exception {
        if (e instanceof LmxException lmx) {
            commandLine.getErr().println("ERROR    [" + lmx.code() + "] " + lmx.getMessage());
            return 1;
        }
        if (e instanceof CliFailure failure) {
            commandLine.getErr().println("ERROR    " + failure.getMessage());
            return 1;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.lmx.hub.production.ProductionRefused refusal) {
                // Spring Boot has printed every reason (ProductionRefusedAnalyzer): no stack trace on top of them
                commandLine.getErr().println("ERROR    the hub refuses to start in production, for "
                        + refusal.reasons().size() + " reason(s) listed above");
                return 1;
            }
            if (cause instanceof org.lmx.hub.config.StartRefused refusal) {
                // reported above by StartRefusedAnalyzer
                commandLine.getErr().println("ERROR    the hub cannot start: " + refusal.getMessage());
                return 1;
            }
        }
        if (e instanceof java.io.IOException io) {
            commandLine.getErr().println("ERROR    cannot read or write a file: " + io.getMessage());
            return 1;
        }
        throw e;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = LmxCommand.class.getPackage().getImplementationVersion();
            return new String[] {"lmx " + (v == null ? "(development build)" : v)};
        }
    }
}
