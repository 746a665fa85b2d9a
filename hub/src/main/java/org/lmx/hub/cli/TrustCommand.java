package org.lmx.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lmx trust ...}: the certificates the hub trusts and signs with. */
@Command(name = "trust",
        mixinStandardHelpOptions = true,
        description = "The trust inventory: partners' CA and pinned certificates, the hub's own PKI.",
        subcommands = {TrustListCommand.class, CommandLine.HelpCommand.class})
final class TrustCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a trust command is required");
    }
}
