package org.lmx.processes.workpermit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.lmx.processes.xml.ContractXml;
import org.lmx.xsd.exchange.v1.WorkPermitApplication;

/** Typed reads of a case's variables, and the time zone the hub writes its instants in. */
final class CaseFile {

    /** Kazakhstan's one time zone (UTC+5 since March 2024): the hub writes RespondBy, DecidedAt in it. */
    static final ZoneOffset KAZAKHSTAN = ZoneOffset.ofHours(5);

    private CaseFile() {
    }

    static WorkPermitApplication application(VariableScope scope) {
        return ContractXml.body((byte[]) scope.getVariable(WorkPermitVariables.APPLICATION_DOCUMENT),
                WorkPermitApplication.class);
    }

    static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static String required(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the case has no " + name);
        }
        return value;
    }

    static boolean flag(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    static int integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalStateException("the case has no number " + name + " (" + value + ")");
    }

    static Integer optionalInteger(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Number n ? n.intValue() : null;
    }

    static List<String> regions(VariableScope scope) {
        return Arrays.asList(required(scope, WorkPermitVariables.REGIONS).split(" "));
    }

    static LocalDate date(VariableScope scope, String name) {
        return LocalDate.parse(required(scope, name));
    }

    static Date due(Instant instant) {
        return Date.from(instant);
    }

    static OffsetDateTime instant(VariableScope scope, String name) {
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
    static String requestKey(String processInstanceId, String activityId, String recipient) {
        return processInstanceId + ":" + activityId + ":" + recipient;
    }
}
