package org.lmx.hub.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Which attachment Id each {@code --attach} file is sent as: its explicit Id, else the next Id the document
 * declares that no file names explicitly (so {@code --attach scan.pdf} on a document that declares
 * {@code contract} first sends it as {@code contract}), else {@code attachment-N} for the N-th file.
 */
final class AttachmentIds {

    private AttachmentIds() {
    }

    static List<String> assign(List<String> declared, List<AttachmentFile> files) throws CliFailure {
        Set<String> used = new HashSet<>();
        for (AttachmentFile f : files) {
            if (f.id() != null && !used.add(f.id())) {
                throw new CliFailure("the attachment Id " + f.id() + " is given to more than one file");
            }
        }
        Iterator<String> free = declared.stream().filter(id -> !used.contains(id)).toList().iterator();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String id = files.get(i).id();
            if (id == null) {
                id = free.hasNext() ? free.next() : generated(i + 1, used);
                used.add(id);
            }
            ids.add(id);
        }
        return ids;
    }

    private static String generated(int n, Set<String> used) {
        String id = "attachment-" + n;
        while (used.contains(id)) {
            id = "attachment-" + ++n;
        }
        return id;
    }
}
