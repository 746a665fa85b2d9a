package org.lmx.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lmx evidence ...}: a case's evidence bundle, exported from a running hub and verified offline. */
@Command(name = "evidence",
        mixinStandardHelpOptions = true,
        description = "Evidence bundles: one signed ZIP per case, verifiable offline.",
        subcommands = {EvidenceExportCommand.class, EvidenceVerifyCommand.class, CommandLine.HelpCommand.class})
final class EvidenceCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an evidence command is required");
    }
}
