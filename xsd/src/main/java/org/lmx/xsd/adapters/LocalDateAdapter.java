package org.lmx.xsd.adapters;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * xs:date as {@link LocalDate}. xs:date allows an optional offset ({@code 2026-07-01+05:00}); a calendar day is
 * meant either way, so the offset is read and dropped rather than the value silently lost.
 */
public final class LocalDateAdapter extends XmlAdapter<String, LocalDate> {
    @Override
    public LocalDate unmarshal(String value) {
        return value == null ? null : LocalDate.parse(value.trim(), DateTimeFormatter.ISO_DATE);
    }

    @Override
    public String marshal(LocalDate value) {
        return value == null ? null : value.toString();
    }
}
