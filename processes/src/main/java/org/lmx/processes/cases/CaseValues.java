package org.lmx.processes.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reads of a case's variables for the delegates of contract-vetting and consular-protection, with an error
 * that names the missing variable instead of a NullPointerException deep in a document builder.
 */
public final class CaseValues {

    /** Kazakhstan's offset: the hub's documents state their instants in it. */
    public static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    private CaseValues() {
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static String required(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the case has no " + name);
        }
        return value;
    }

    public static boolean flag(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    public static OffsetDateTime instant(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Date d) {
            return OffsetDateTime.ofInstant(d.toInstant(), KAZAKHSTAN);
        }
        if (value instanceof String s) {
            return OffsetDateTime.parse(s);
        }
        throw new IllegalStateException("the case has no instant " + name + " (" + value + ")");
    }

    /** The key that makes a step's document the same document when the step runs again. */
    public static String requestKey(String processInstanceId, String activityId, String recipient) {
        return processInstanceId + ":" + activityId + ":" + recipient;
    }

    /** Camunda keeps a String variable up to 4000 characters; a longer text is cut (forms, notes). */
    public static String limit(String text) {
        return text == null || text.length() <= 3800 ? text : text.substring(0, 3800) + " ...";
    }
}
