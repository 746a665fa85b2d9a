package org.lmx.hub.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/**
 * One case of the bad-input corpus ({@code src/test/resources/bad-input/cases.yaml}, where the directives are
 * described): an unsigned template, how it is edited, signed and broken at run time, and the answer expected over
 * SOAP and over the agency queue.
 */
record BadInput(String name, String template, List<String> edit, String sign, List<String> breaks, String resend,
                String envelope, String crl, Integer attach, String parts, String defect, Expected soap, Expected queue) {

    static final String DIR = "/bad-input/";

    /** What a transport must answer: a REJECTED receipt with a code, a SOAP fault, or nothing (not this transport's). */
    record Expected(Kind kind, String code) {
        enum Kind { REJECTED, FAULT, NOT_THIS_TRANSPORT }

        static Expected parse(String text) {
            Objects.requireNonNull(text, "an expected answer per transport");
            if (text.startsWith("soap-only")) {
                return new Expected(Kind.NOT_THIS_TRANSPORT, null);
            }
            String[] words = text.trim().split("\\s+", 2);
            return new Expected(Kind.valueOf(words[0]), words[1]);
        }
    }

    static List<BadInput> corpus() {
        try (InputStream in = BadInput.class.getResourceAsStream(DIR + "cases.yaml")) {
            List<Map<String, Object>> cases = new Yaml().load(in);
            return cases.stream().map(BadInput::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] templateBytes() {
        try (InputStream in = BadInput.class.getResourceAsStream(DIR + "templates/" + template)) {
            return Objects.requireNonNull(in, "no template " + template).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static BadInput of(Map<String, Object> c) {
        return new BadInput((String) c.get("name"), (String) c.get("template"),
                (List<String>) c.getOrDefault("edit", List.of()), (String) c.getOrDefault("sign", "none"),
                (List<String>) c.getOrDefault("break", List.of()), (String) c.get("resend"), (String) c.get("envelope"),
                (String) c.get("crl"), (Integer) c.get("attach"), (String) c.get("parts"), (String) c.get("defect"),
                Expected.parse((String) c.get("soap")), Expected.parse((String) c.get("queue")));
    }

    @Override
    public String toString() {
        return name;
    }
}
