package org.lmx.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lmx log ...}: the hub's message log. */
@Command(name = "log",
        mixinStandardHelpOptions = true,
        description = "The hub's hash-chained message log.",
        subcommands = {LogVerifyCommand.class, CommandLine.HelpCommand.class})
final class LogCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a log command is required");
    }
}
