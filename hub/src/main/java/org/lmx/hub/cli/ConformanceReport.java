package org.lmx.hub.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.lmx.hub.cli.ConformanceCheck.Result;

/** The outcome of {@code lmx conformance}: text for the terminal, JSON or Markdown for the file a partner receives. */
record ConformanceReport(String endpoint, String partner, String agreementId, String trust, Instant at,
                         List<Result> results) {

    boolean allPassed() {
        return results.stream().allMatch(Result::passed);
    }

    long failed() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    String text() {
        StringBuilder s = new StringBuilder();
        s.append("Conformance of ").append(partner).append("'s endpoint ").append(endpoint).append(" (agreement ")
                .append(agreementId).append(", receipts verified with ").append(trust).append(")\n");
        for (Result r : results) {
            s.append(String.format("%-5s (%s) %s%n", r.verdict(), r.check().letter(), r.check().title()));
            s.append("      ").append(r.reason()).append('\n');
        }
        s.append(allPassed() ? "All " + results.size() + " checks passed.\n"
                : failed() + " of " + results.size() + " checks failed: " + String.join(", ", results.stream()
                        .filter(r -> !r.passed()).map(r -> "(" + r.check().letter() + ")").toList()) + "\n");
        return s.toString();
    }

    String markdown() {
        StringBuilder s = new StringBuilder();
        s.append("# LMX conformance: ").append(partner).append("\n\n");
        s.append("- Endpoint: `").append(endpoint).append("`\n");
        s.append("- Agreement: ").append(agreementId).append("\n");
        s.append("- Receipts verified with: ").append(trust).append("\n");
        s.append("- Run at: ").append(at).append("\n");
        s.append("- Result: ").append(allPassed() ? "all checks passed" : failed() + " check(s) failed").append("\n\n");
        s.append("| check | what | result | why |\n|---|---|---|---|\n");
        for (Result r : results) {
            s.append("| ").append(r.check().letter()).append(" | ").append(r.check().title()).append(" | **")
                    .append(r.verdict()).append("** | ").append(r.reason().replace("|", "\\|").replace("\n", " "))
                    .append(" |\n");
        }
        return s.toString();
    }

    String json() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("endpoint", endpoint);
        root.put("partner", partner);
        root.put("agreementId", agreementId);
        root.put("trust", trust);
        root.put("at", at.toString());
        root.put("passed", allPassed());
        ArrayNode checks = root.putArray("checks");
        for (Result r : results) {
            checks.addObject().put("check", r.check().letter()).put("name", r.check().name()).put("title", r.check().title())
                    .put("result", r.verdict()).put("reason", r.reason());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
