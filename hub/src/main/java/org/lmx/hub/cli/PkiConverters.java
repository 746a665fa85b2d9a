package org.lmx.hub.cli;

import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.KeyAlgorithm;
import org.lmx.connectors.pki.PartyIds;
import org.lmx.connectors.pki.RevocationReason;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values of {@code lmx pki}, checked while parsing so that a bad one is a usage error (exit 2). */
final class PkiConverters {

    private PkiConverters() {
    }

    static final class PartyId implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                return PartyIds.requireValid(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Algorithm implements ITypeConverter<KeyAlgorithm> {
        @Override
        public KeyAlgorithm convert(String value) {
            try {
                return KeyAlgorithm.fromCliName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Reason implements ITypeConverter<RevocationReason> {
        @Override
        public RevocationReason convert(String value) {
            try {
                return RevocationReason.fromRfcName(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Serial implements ITypeConverter<BigInteger> {
        @Override
        public BigInteger convert(String value) {
            try {
                return CertificateAuthority.parseSerial(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** A whole number of days, at least one. */
    static final class Days implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                long days = Long.parseLong(value);
                if (days >= 1 && days <= 100 * 365) {
                    return Duration.ofDays(days);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not a number of days (1 or more)");
        }
    }

    static final class CrlUrl implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return CertificateAuthority.requireCrlUrl(new URI(value));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new TypeConversionException(e instanceof URISyntaxException
                        ? "'" + value + "' is not a URL: " + e.getMessage() : e.getMessage());
            }
        }
    }
}
