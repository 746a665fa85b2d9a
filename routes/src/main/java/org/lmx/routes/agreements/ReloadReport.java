package org.lmx.routes.agreements;

import java.util.List;

/** One reload: a report per agreement file, in file-name order. */
public record ReloadReport(List<FileReport> files) {

    public ReloadReport {
        files = List.copyOf(files);
    }

    public long count(ImportOutcome outcome) {
        return files.stream().filter(f -> f.outcome() == outcome).count();
    }

    public List<FileReport> refused() {
        return files.stream().filter(f -> f.outcome() == ImportOutcome.REFUSED).toList();
    }
}
