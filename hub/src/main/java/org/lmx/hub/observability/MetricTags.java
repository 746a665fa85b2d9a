package org.lmx.hub.observability;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.lmx.xsd.exchange.v1.DocumentType;

/**
 * Tag values that stay few whatever arrives: a rejected document's header is the sender's word, so a party becomes
 * a tag only when an agreement names it and a document type only when the catalogue has it; anything else is
 * {@code unknown}. No MessageId ever becomes a tag (one series per message would exhaust Prometheus).
 */
final class MetricTags {

    static final String UNKNOWN = "unknown";

    private final Supplier<Set<String>> agreementPartners;
    private final AtomicReference<Set<String>> partners = new AtomicReference<>();

    /** @param agreementPartners the partners of the agreements as they stand (read again after {@link #refresh()}) */
    MetricTags(Supplier<Set<String>> agreementPartners) {
        this.agreementPartners = agreementPartners;
    }

    /** The agreements changed: a new partner becomes a tag of its own. */
    void refresh() {
        partners.set(null);
    }

    String partner(String party) {
        if (party == null) {
            return UNKNOWN;
        }
        Set<String> known = partners.updateAndGet(p -> p != null ? p : Set.copyOf(agreementPartners.get()));
        return known.contains(party) ? party : UNKNOWN;
    }

    static String documentType(String type) {
        if (type == null) {
            return UNKNOWN;
        }
        try {
            return DocumentType.fromValue(type).value();
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
