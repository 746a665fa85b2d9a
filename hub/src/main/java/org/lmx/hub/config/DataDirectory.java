package org.lmx.hub.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiDirectory;
import org.lmx.connectors.pki.PkiException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Everything the hub keeps on disk, under one directory: the database ({@code db/}), the development PKI
 * ({@code pki/}), the agreement files ({@code agreements/}) and the development credentials. On first start
 * the missing parts are created; on every later start they are used as they are, never regenerated.
 */
public final class DataDirectory {

    public static final String DEMO_AGREEMENTS = "classpath:demo/agreements/*.xml";

    private final Path root;
    private final List<String> createdNow;

    private DataDirectory(Path root, List<String> createdNow) {
        this.root = root;
        this.createdNow = List.copyOf(createdNow);
    }

    /** Opens the data directory, creating on first start what is missing (and saying what it created). */
    public static DataDirectory prepare(LmxProperties properties) {
        Path root = properties.dataDir().toAbsolutePath().normalize();
        List<String> created = new ArrayList<>();
        try {
            Files.createDirectories(root.resolve("db"));
            Path pki = root.resolve("pki");
            if (!CertificateAuthority.existsIn(pki)) {
                // port 0 (a random port chosen later, as in tests) cannot be written into certificates
                URI crlUrl = properties.crlUrl().getPort() == 0 ? CertificateAuthority.DEFAULT_CRL_URL : properties.crlUrl();
                PkiDirectory.init(pki, crlUrl, false);
                created.add("development PKI (hub CA, a signing certificate per demo party) in " + pki);
            } else if (crlEndsSoon(pki)) {
                // a lapsed CRL would make CRL checking refuse every demo partner
                PkiDirectory.open(pki).publishCrl(PkiDirectory.DEFAULT_CRL_VALIDITY);
                created.add("a new CRL of the development CA in " + pki);
            }
            Path agreements = root.resolve("agreements");
            if (!Files.isDirectory(agreements)) {
                Files.createDirectories(agreements);
                if (properties.demo()) {
                    int copied = copyDemoAgreements(agreements);
                    created.add(copied + " demo agreements in " + agreements);
                }
            }
            if (DevelopmentCredentials.createIfMissing(root.resolve(DevelopmentCredentials.FILE))) {
                created.add("development credentials in " + root.resolve(DevelopmentCredentials.FILE));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + root, e);
        } catch (PkiException e) {
            throw new IllegalStateException("cannot create the development PKI: " + e, e);
        }
        return new DataDirectory(root, created);
    }

    /**
     * Production: the data directory as it is, with only its empty folders created (database, agreements, trust
     * directory): no development PKI, credentials or demo agreements, ever.
     */
    public static DataDirectory open(LmxProperties properties) {
        Path root = properties.dataDir().toAbsolutePath().normalize();
        List<String> created = new ArrayList<>();
        try {
            for (String dir : List.of("db", "agreements", "pki")) {
                if (!Files.isDirectory(root.resolve(dir))) {
                    Files.createDirectories(root.resolve(dir));
                    created.add("an empty " + root.resolve(dir));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + root, e);
        }
        return new DataDirectory(root, created);
    }

    private static boolean crlEndsSoon(Path pki) throws PkiException {
        PkiDirectory directory = PkiDirectory.open(pki);
        if (!Files.exists(directory.crlFile())) {
            return true;
        }
        java.util.Date next = Pem.readCrl(directory.crlFile()).getNextUpdate();
        return next == null || next.toInstant().isBefore(Instant.now().plus(Duration.ofDays(7)));
    }

    private static int copyDemoAgreements(Path target) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources(DEMO_AGREEMENTS);
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, target.resolve(file.getFilename()));
            }
        }
        return files.length;
    }

    public Path root() {
        return root;
    }

    public Path pki() {
        return root.resolve("pki");
    }

    public Path agreements() {
        return root.resolve("agreements");
    }

    public Path credentialsFile() {
        return root.resolve(DevelopmentCredentials.FILE);
    }

    /** What this start created (empty on a restart). */
    public List<String> createdNow() {
        return createdNow;
    }

    /** The signing credential of {@code hubParty} (the hub itself) from the PKI directory. */
    public Credential hubCredential(String hubParty) {
        try {
            return PkiDirectory.open(pki()).credential(hubParty);
        } catch (PkiException e) {
            throw new IllegalStateException("cannot read the hub's signing credential from " + pki() + ": " + e, e);
        }
    }
}
