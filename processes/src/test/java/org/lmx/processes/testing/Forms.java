package org.lmx.processes.testing;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The Camunda Forms (form-js JSON) of the module, read as Tasklist reads them. */
public final class Forms {

    private Forms() {
    }

    public static String json(String resource) {
        try (InputStream in = Forms.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no form " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String id(String resource) {
        return JsonPath.read(json(resource), "$.id");
    }

    /** Every field key of the form: each must be a variable of the task when it opens. */
    public static List<String> keys(String resource) {
        return JsonPath.read(json(resource), "$.components[*].key");
    }

    /** The values a select field offers. */
    public static List<String> options(String resource, String key) {
        return JsonPath.read(json(resource), "$.components[?(@.key == '" + key + "')].values[*].value");
    }
}
