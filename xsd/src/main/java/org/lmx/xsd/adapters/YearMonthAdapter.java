package org.lmx.xsd.adapters;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import java.time.YearMonth;

/** xs:gYearMonth (a month of unpaid wages, a reporting month) as {@link YearMonth}. */
public final class YearMonthAdapter extends XmlAdapter<String, YearMonth> {
    @Override
    public YearMonth unmarshal(String value) {
        return value == null ? null : YearMonth.parse(value.trim());
    }

    @Override
    public String marshal(YearMonth value) {
        return value == null ? null : value.toString();
    }
}
