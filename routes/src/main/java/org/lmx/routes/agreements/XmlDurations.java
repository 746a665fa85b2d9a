package org.lmx.routes.agreements;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Period;
import javax.xml.datatype.DatatypeConstants;

/** Conversions of the agreement's xs:duration values to java.time. */
final class XmlDurations {

    private XmlDurations() {
    }

    /**
     * An exact duration in days, hours, minutes and seconds (agreement.xsd PositiveDuration); a day is 24 hours
     * here, since these are waits and windows, not calendar dates.
     *
     * @throws IllegalArgumentException for years or months (of uneven length) or a value too long to hold
     */
    static Duration toDuration(javax.xml.datatype.Duration xml) {
        if (field(xml, DatatypeConstants.YEARS).signum() != 0 || field(xml, DatatypeConstants.MONTHS).signum() != 0) {
            throw new IllegalArgumentException(xml + " has years or months, which are of uneven length; "
                    + "give it in days, hours, minutes and seconds");
        }
        try {
            BigDecimal seconds = field(xml, DatatypeConstants.DAYS).multiply(BigDecimal.valueOf(86_400))
                    .add(field(xml, DatatypeConstants.HOURS).multiply(BigDecimal.valueOf(3_600)))
                    .add(field(xml, DatatypeConstants.MINUTES).multiply(BigDecimal.valueOf(60)))
                    .add(field(xml, DatatypeConstants.SECONDS));
            Duration duration = ofSeconds(seconds);
            return xml.getSign() < 0 ? duration.negated() : duration;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(xml + " is too long", e);
        }
    }

    /** A retention period in years, months and days (agreement.xsd RetentionPeriod). */
    static Period toPeriod(javax.xml.datatype.Duration xml) {
        if (field(xml, DatatypeConstants.HOURS).signum() != 0 || field(xml, DatatypeConstants.MINUTES).signum() != 0
                || field(xml, DatatypeConstants.SECONDS).signum() != 0) {
            throw new IllegalArgumentException(xml + " has hours, minutes or seconds; a retention period is in "
                    + "years, months and days");
        }
        try {
            Period period = Period.of(field(xml, DatatypeConstants.YEARS).intValueExact(),
                    field(xml, DatatypeConstants.MONTHS).intValueExact(),
                    field(xml, DatatypeConstants.DAYS).intValueExact());
            return xml.getSign() < 0 ? period.negated() : period;
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(xml + " is too long", e);
        }
    }

    /** Whole seconds and nanoseconds; throws ArithmeticException beyond what a Duration holds. */
    static Duration ofSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }

    static BigDecimal seconds(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9));
    }

    private static BigDecimal field(javax.xml.datatype.Duration xml, DatatypeConstants.Field field) {
        Number value = xml.getField(field);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal((BigInteger) value);
    }
}
