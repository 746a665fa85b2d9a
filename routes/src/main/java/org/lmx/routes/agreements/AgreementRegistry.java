package org.lmx.routes.agreements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.lmx.routes.agreements.AgreementStore.VersionRow;
import org.lmx.xsd.agreement.v1.Agreement;
import org.lmx.xsd.agreement.v1.AgreementStatus;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bilateral agreements (ARCHITECTURE.md "Agreements"): files in the agreements directory are the source;
 * {@link #reload} imports each new (id, version) into the database, where versions are never changed; the
 * latest version that is not DRAFT is current. A file with any problem is refused as a whole and changes
 * nothing, so the version in force stays in force.
 *
 * <p>Thread-safe. The database is the only truth, shared by every hub node; the one thing kept in memory is a
 * cache of parsed versions by (id, version), which is safe because a stored version never changes.
 */
public final class AgreementRegistry {

    /** The hub's own party, one side of every agreement. */
    public static final String HUB_PARTY = AgreementRules.HUB_PARTY;

    private static final int MAX_ACTOR = 100;

    private final AgreementStore store;
    private final Path agreementsDir;
    private final TrustResolver trustResolver;
    private final Clock clock;
    private final ConcurrentMap<VersionKey, CurrentAgreement> parsed = new ConcurrentHashMap<>();

    private record VersionKey(String agreementId, long version) {
    }

    /** The checks of one file and what importing it would do. */
    private record Assessment(AgreementFile file, List<TrustCertificate> trust, ImportOutcome outcome,
                              List<Problem> problems) {
    }

    /**
     * @param agreementsDir where the agreement files are ({@code *.xml})
     * @param trustDir      where a TrustEntry's CertificateFile is looked up (and nowhere else)
     * @param clock         the time of import
     */
    public AgreementRegistry(JdbcTemplate jdbc, Path agreementsDir, Path trustDir, Clock clock) {
        this.store = new AgreementStore(Objects.requireNonNull(jdbc, "jdbc"));
        this.agreementsDir = Objects.requireNonNull(agreementsDir, "agreementsDir");
        this.trustResolver = new TrustResolver(Objects.requireNonNull(trustDir, "trustDir"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path agreementsDir() {
        return agreementsDir;
    }

    /**
     * Imports every agreement file of the agreements directory that holds a new (id, version), each in its own
     * transaction; files are taken in name order.
     *
     * @param actor who asked (an operator's name, or {@code system} at start-up); recorded with each import
     * @throws UncheckedIOException if the directory cannot be listed
     */
    public ReloadReport reload(String actor) {
        requireActor(actor);
        List<FileReport> reports = new ArrayList<>();
        for (Path file : agreementFiles()) {
            String name = file.getFileName().toString();
            byte[] bytes;
            try {
                long size = Files.size(file);
                if (size > AgreementXml.MAX_FILE_BYTES) { // not read into memory at all
                    reports.add(new FileReport(name, null, null, ImportOutcome.REFUSED, List.of(new Problem("file",
                            size + " bytes, more than the " + AgreementXml.MAX_FILE_BYTES + " of an agreement file"))));
                    continue;
                }
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                reports.add(new FileReport(name, null, null, ImportOutcome.REFUSED,
                        List.of(new Problem("file", "cannot read " + file + ": " + e))));
                continue;
            }
            reports.add(importFile(name, bytes, actor));
        }
        return new ReloadReport(reports);
    }

    /** The checks of {@link #reload} on one file, and what a reload would do with it now; nothing is written. */
    public ValidationReport validate(String fileName, byte[] content) {
        Assessment a = assess(fileName, content);
        return new ValidationReport(fileName, a.file().agreementId(), a.file().version(), a.outcome(), a.problems());
    }

    /** Every agreement, by id. */
    public List<AgreementSummary> list() {
        Map<String, List<VersionRow>> byId = new LinkedHashMap<>();
        for (VersionRow row : store.allVersions()) {
            byId.computeIfAbsent(row.agreementId(), id -> new ArrayList<>()).add(row);
        }
        return byId.values().stream().map(AgreementRegistry::summary).toList();
    }

    /** An agreement with all its versions. */
    public Optional<AgreementDetail> find(String agreementId) {
        List<VersionRow> rows = store.versions(agreementId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Long current = current(rows).map(VersionRow::version).orElse(null);
        List<AgreementVersionInfo> versions = rows.stream().map(r -> new AgreementVersionInfo(r.version(), r.status(),
                r.validFrom(), r.validTo(), r.transport(), r.importedAt(), r.importedBy(), r.fileName(), r.sha256(),
                current != null && r.version() == current)).toList();
        return Optional.of(new AgreementDetail(summary(rows), versions));
    }

    /**
     * The version in force: the latest that is not DRAFT (whatever its status and dates; ask it
     * {@link CurrentAgreement#isActiveAt}). Empty for an unknown agreement or one with drafts only.
     */
    public Optional<CurrentAgreement> current(String agreementId) {
        if (agreementId == null) {
            return Optional.empty();
        }
        return store.currentVersion(agreementId).map(version -> {
            VersionKey key = new VersionKey(agreementId, version);
            CurrentAgreement cached = parsed.get(key);
            if (cached != null) {
                return cached;
            }
            // Loaded outside the map's lock (it reads the database); two threads may both load it, harmlessly.
            CurrentAgreement loaded = load(key);
            CurrentAgreement raced = parsed.putIfAbsent(key, loaded);
            return raced != null ? raced : loaded;
        });
    }

    // ---- import ----

    private FileReport importFile(String fileName, byte[] bytes, String actor) {
        Assessment a = assess(fileName, bytes);
        if (a.outcome() == ImportOutcome.IMPORTED) {
            try {
                store.insert(a.file(), a.trust(), actor, clock.instant());
            } catch (DuplicateKeyException e) {
                // Stored meanwhile by another node or reload: the same bytes are UNCHANGED, others a conflict.
                a = assess(fileName, bytes);
            }
        }
        return new FileReport(fileName, a.file().agreementId(), a.file().version(), a.outcome(), a.problems());
    }

    private Assessment assess(String fileName, byte[] bytes) {
        AgreementFile file = AgreementFile.read(fileName, Objects.requireNonNull(bytes, "content"));
        List<Problem> problems = new ArrayList<>(file.problems());
        Agreement agreement = file.agreement();
        if (agreement == null || file.version() == null) {
            return refused(file, problems);
        }
        Optional<VersionRow> stored = store.version(agreement.getId(), file.version());
        if (stored.isPresent() && stored.get().sha256().equals(file.sha256())) {
            // Already imported and checked; the stored version does not depend on today's trust directory.
            return new Assessment(file, List.of(), ImportOutcome.UNCHANGED, List.of());
        }
        if (stored.isPresent()) {
            problems.add(new Problem("Version", "version " + file.version() + " of " + agreement.getId()
                    + " was imported with other content (from " + stored.get().fileName() + ", SHA-256 "
                    + stored.get().sha256() + "); give the changed file a new Version"));
        }
        AgreementRules.check(agreement, problems);
        List<TrustCertificate> trust = trustResolver.resolve(agreement.getTrust().getTrustEntry(),
                agreement.getParties().getPartner(), problems);
        if (stored.isEmpty()) {
            checkAgainstRegistry(agreement, file.version(), problems);
        }
        return problems.isEmpty() ? new Assessment(file, trust, ImportOutcome.IMPORTED, List.of())
                : refused(file, problems);
    }

    /** The rules that span versions: one pair of parties per id, one agreement per counterparty, TERMINATED is final. */
    private void checkAgainstRegistry(Agreement agreement, long version, List<Problem> problems) {
        String id = agreement.getId();
        String partner = agreement.getParties().getPartner();
        List<String> partners = store.partnersOf(id);
        if (!partners.isEmpty() && !partners.equals(List.of(partner))) {
            problems.add(new Problem("Parties/Partner", id + " is the agreement with " + String.join(", ", partners)
                    + ", not " + partner + ": an agreement id stays with its pair of parties"));
        }
        List<String> others = store.otherAgreementsOf(partner, id);
        if (!others.isEmpty()) {
            problems.add(new Problem("Id", partner + " already has the agreement " + String.join(", ", others)
                    + ": one agreement per counterparty; make this a new Version of it"));
        }
        store.versions(id).stream()
                .filter(r -> r.status() == AgreementStatus.TERMINATED && r.version() < version)
                .findFirst()
                .ifPresent(r -> problems.add(new Problem("Version", id + " was TERMINATED in version " + r.version()
                        + ", which is final; a new exchange with " + partner + " needs a new agreement")));
    }

    private static Assessment refused(AgreementFile file, List<Problem> problems) {
        return new Assessment(file, List.of(), ImportOutcome.REFUSED, problems);
    }

    // ---- reading ----

    private CurrentAgreement load(VersionKey key) {
        byte[] content = store.content(key.agreementId(), key.version());
        String sha256 = store.version(key.agreementId(), key.version()).orElseThrow().sha256();
        if (!AgreementFile.sha256(content).equals(sha256)) {
            // The text column must give back the very bytes imported (a database in another encoding would not).
            throw new IllegalStateException("the stored content of " + key.agreementId() + " version " + key.version()
                    + " no longer matches its SHA-256 " + sha256);
        }
        return new CurrentAgreement(content, store.trust(key.agreementId(), key.version()));
    }

    private static Optional<VersionRow> current(List<VersionRow> rows) {
        return rows.stream().filter(r -> r.status() != AgreementStatus.DRAFT).max(Comparator.comparingLong(VersionRow::version));
    }

    private static AgreementSummary summary(List<VersionRow> rows) {
        VersionRow latest = rows.stream().max(Comparator.comparingLong(VersionRow::version)).orElseThrow();
        Optional<VersionRow> current = current(rows);
        return current.map(c -> new AgreementSummary(c.agreementId(), c.partner(), c.version(), c.status(), c.validFrom(),
                        c.validTo(), c.transport(), latest.version(), rows.size()))
                .orElseGet(() -> new AgreementSummary(latest.agreementId(), latest.partner(), null, null, null, null,
                        null, latest.version(), rows.size()));
    }

    private List<Path> agreementFiles() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(agreementsDir, "*.xml")) {
            for (Path file : dir) {
                // dot files are editors' and tools' temporary copies, not agreements
                if (!file.getFileName().toString().startsWith(".") && Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the agreements directory " + agreementsDir, e);
        }
        files.sort(Comparator.comparing(f -> f.getFileName().toString()));
        return files;
    }

    private static void requireActor(String actor) {
        if (actor == null || actor.isBlank() || actor.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("an actor of 1 to " + MAX_ACTOR + " characters is needed: " + actor);
        }
    }
}
