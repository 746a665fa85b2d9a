package org.lmx.bench;

import org.lmx.bench.load.LoadCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench/target/lmx-bench.jar load ...}: the benchmarks that need a running hub. */
@Command(name = "lmx-bench", mixinStandardHelpOptions = true, subcommands = {LoadCommand.class},
        description = "Load and sizing runs against an LMX hub (BENCHMARKS.md). JMH: java -jar bench/target/lmx-benchmarks.jar")
public final class BenchCommand implements Runnable {

    public static void main(String[] args) {
        // Qpid JMS's connection messages would interleave with the figures
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        System.exit(new CommandLine(new BenchCommand()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
