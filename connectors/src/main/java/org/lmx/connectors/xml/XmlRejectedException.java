package org.lmx.connectors.xml;

import java.util.List;
import org.lmx.connectors.LmxException;

/**
 * A document that cannot be accepted as XML of the contract: too large, not well-formed, carrying a DOCTYPE,
 * or invalid against the schema. {@link #code()} is stable and goes into receipts; {@link #problems()} lists
 * every problem found, so that a partner can fix them all in one go.
 */
public class XmlRejectedException extends LmxException {

    /** Stable codes of this exception. */
    public static final String TOO_LARGE = "LMX-XML-TOO-LARGE";
    public static final String MALFORMED = "LMX-XML-MALFORMED";
    public static final String DOCTYPE = "LMX-XML-DOCTYPE";
    public static final String SCHEMA_INVALID = "LMX-XML-SCHEMA-INVALID";

    private final String code;
    private final List<String> problems;

    public XmlRejectedException(String code, String reason, List<String> problems, Throwable cause) {
        super(reason, cause);
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    public XmlRejectedException(String code, String reason) {
        this(code, reason, List.of(reason), null);
    }

    @Override
    public String code() {
        return code;
    }

    public List<String> problems() {
        return problems;
    }
}
