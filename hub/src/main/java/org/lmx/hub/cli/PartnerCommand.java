package org.lmx.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lmx partner}: bringing a new partner to the exchange. */
@Command(name = "partner",
        mixinStandardHelpOptions = true,
        description = "Onboard a partner: its certificate, a DRAFT agreement for review, the next steps.",
        subcommands = {PartnerOnboardCommand.class, CommandLine.HelpCommand.class})
final class PartnerCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
