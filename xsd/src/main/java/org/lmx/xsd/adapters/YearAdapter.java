package org.lmx.xsd.adapters;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.Year;

/** xs:gYear (quota years, report years) as {@link Year}. */
public final class YearAdapter extends XmlAdapter<String, Year> {
    @Override
    public Year unmarshal(String value) {
        return value == null ? null : Year.parse(value.trim());
    }

    @Override
    public String marshal(Year value) {
        return value == null ? null : value.toString();
    }
}
