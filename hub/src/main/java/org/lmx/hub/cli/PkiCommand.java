package org.lmx.hub.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code lmx pki ...}: the hub's development/partner PKI, kept in a directory. */
@Command(name = "pki",
        mixinStandardHelpOptions = true,
        description = {"The hub's development PKI: a CA, a signing certificate per party, its CRL.",
                "Development only: whoever can read the directory can sign as any party in it."},
        subcommands = {PkiInitCommand.class, PkiIssueCommand.class, PkiSignCsrCommand.class, PkiRevokeCommand.class,
                PkiCrlCommand.class})
final class PkiCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a pki command is required");
    }
}
