package org.lmx.connectors.pki;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Party ids ({@code KOR:MOEL}: ISO 3166 alpha-3 country, a colon, an organisation code) and how a certificate
 * binds one: a subjectAltName URI {@code urn:lmx:party:<id>} (ARCHITECTURE.md "Parties and names").
 */
public final class PartyIds {

    /** The subjectAltName URI of a party is this prefix followed by the party id. */
    public static final String URI_PREFIX = "urn:lmx:party:";

    /** The same pattern as the contract's {@code PartyId} type (types.xsd). */
    public static final Pattern PATTERN = Pattern.compile("[A-Z]{3}:[A-Z0-9][A-Z0-9-]{0,31}");

    private static final int SAN_URI = 6;
    private static final Map<String, String> ALPHA2_BY_ALPHA3 = alpha2ByAlpha3();

    private PartyIds() {
    }

    public static boolean isValid(String partyId) {
        return partyId != null && PATTERN.matcher(partyId).matches();
    }

    /** Returns {@code partyId} if it is a party id, or says what a party id looks like. */
    public static String requireValid(String partyId) {
        if (!isValid(partyId)) {
            throw new IllegalArgumentException("'" + partyId + "' is not a party id: expected an ISO 3166 alpha-3 "
                    + "country, a colon and an organisation code in capitals (letters, digits, '-'), "
                    + "e.g. KOR:MOEL or KAZ:AKIMAT-75");
        }
        return partyId;
    }

    /** {@code urn:lmx:party:KOR:MOEL} for {@code KOR:MOEL}. */
    public static String uri(String partyId) {
        return URI_PREFIX + requireValid(partyId);
    }

    /**
     * The party a certificate is bound to: empty when it carries no party URI, or more than one (a signing
     * certificate binds exactly one party; see {@link #partiesOf} to tell the two apart).
     */
    public static Optional<String> partyOf(X509Certificate certificate) {
        List<String> parties = partiesOf(certificate);
        return parties.size() == 1 ? Optional.of(parties.get(0)) : Optional.empty();
    }

    /** Every well-formed party id among the certificate's subjectAltName URIs. */
    public static List<String> partiesOf(X509Certificate certificate) {
        List<String> parties = new ArrayList<>();
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            // An unparseable extension binds no party; the verifier then reports "no party URI".
            return parties;
        }
        if (names != null) {
            for (List<?> name : names) {
                if (name.size() >= 2 && Integer.valueOf(SAN_URI).equals(name.get(0)) && name.get(1) instanceof String uri
                        && uri.startsWith(URI_PREFIX) && isValid(uri.substring(URI_PREFIX.length()))) {
                    parties.add(uri.substring(URI_PREFIX.length()));
                }
            }
        }
        return parties;
    }

    /** The ISO 3166 alpha-3 country of a party: {@code KOR} for {@code KOR:MOEL}. */
    public static String country(String partyId) {
        return requireValid(partyId).substring(0, 3);
    }

    /**
     * The ISO 3166 alpha-2 code of the party's country, which is what an X.509 countryName holds ({@code KR}
     * for {@code KOR:MOEL}); empty for an alpha-3 code the JDK does not know.
     */
    public static Optional<String> countryAlpha2(String partyId) {
        return Optional.ofNullable(ALPHA2_BY_ALPHA3.get(country(partyId)));
    }

    /** The party id as it appears in file names, where ':' is not portable: {@code KOR_MOEL}. */
    public static String fileName(String partyId) {
        return requireValid(partyId).replace(':', '_');
    }

    /** The party id of a {@link #fileName} form, if it is one: {@code KOR:MOEL} for {@code KOR_MOEL}. */
    public static Optional<String> fromFileName(String fileName) {
        String partyId = fileName.replaceFirst("^([A-Z]{3})_", "$1:");
        return isValid(partyId) ? Optional.of(partyId) : Optional.empty();
    }

    private static Map<String, String> alpha2ByAlpha3() {
        Map<String, String> map = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                map.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException e) {
                // A country without an alpha-3 code in this JDK: no party can name it anyway.
            }
        }
        return Map.copyOf(map);
    }
}
