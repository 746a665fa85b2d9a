package org.lmx.hub.evidence;

import java.util.ArrayList;
import java.util.List;

/** What {@code lmx evidence verify} found, item by item: OK, BROKEN (naming what) or NOTE (for the reader). */
public final class EvidenceReport {

    public enum Status { OK, BROKEN, NOTE }

    public record Item(Status status, String subject, String detail) {
        @Override
        public String toString() {
            return String.format("%-8s %s%s", status, subject, detail == null || detail.isEmpty() ? "" : ": " + detail);
        }
    }

    private final List<Item> items = new ArrayList<>();

    void ok(String subject, String detail) {
        items.add(new Item(Status.OK, subject, detail));
    }

    void broken(String subject, String detail) {
        items.add(new Item(Status.BROKEN, subject, detail));
    }

    void note(String subject, String detail) {
        items.add(new Item(Status.NOTE, subject, detail));
    }

    public List<Item> items() {
        return List.copyOf(items);
    }

    public boolean intact() {
        return items.stream().noneMatch(i -> i.status() == Status.BROKEN);
    }

    public List<Item> broken() {
        return items.stream().filter(i -> i.status() == Status.BROKEN).toList();
    }

    public String summary() {
        long ok = items.stream().filter(i -> i.status() == Status.OK).count();
        return intact() ? "INTACT: " + ok + " checks passed" : "BROKEN: " + broken().size() + " of " + (ok + broken().size())
                + " checks failed, first: " + broken().get(0);
    }
}
