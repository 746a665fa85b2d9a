package org.lmx.processes.consular;

import java.util.List;

/** An officer's questions, one per non-blank line, as the InformationRequest numbers them (q1, q2...). */
final class Questions {

    static final int MAX = 20;

    private Questions() {
    }

    static List<String> of(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.size() <= MAX ? lines : lines.subList(0, MAX);
    }
}
