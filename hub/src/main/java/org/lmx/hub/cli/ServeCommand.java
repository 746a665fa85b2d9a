package org.lmx.hub.cli;

import java.util.ArrayList;
import java.util.List;
import org.lmx.hub.HubApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code lmx serve}: starts the hub. Spring Boot options pass through unchanged ({@code --server.port=9090},
 * {@code --spring.profiles.active=...}); the common ones are named here for {@code --help}.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {"Start the hub on embedded defaults (H2 under the data directory, development PKI and",
                "credentials created on first start). Any --spring.property=value is passed to Spring Boot."})
final class ServeCommand implements Runnable {

    @Option(names = "--lmx.data-dir", paramLabel = "DIR", description = "data directory (default ./data)")
    String dataDir;

    @Option(names = "--server.port", paramLabel = "PORT", description = "HTTP port (default 8080)")
    Integer port;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    private static volatile boolean serving;

    static boolean isServing() {
        return serving;
    }

    @Override
    public void run() {
        List<String> args = new ArrayList<>(springArguments);
        if (dataDir != null) {
            args.add("--lmx.data-dir=" + dataDir);
        }
        if (port != null) {
            args.add("--server.port=" + port);
        }
        SpringApplication application = new SpringApplication(HubApplication.class);
        application.setMainApplicationClass(HubApplication.class);
        application.run(args.toArray(String[]::new));
        serving = true;
    }
}
