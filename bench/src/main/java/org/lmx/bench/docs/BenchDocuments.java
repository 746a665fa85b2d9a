package org.lmx.bench.docs;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * Unsigned, schema-valid documents of a chosen size for the benchmarks, grown the way real ones grow:
 * <ul>
 *   <li>up to about 5.5 KB, a partner's BusinessNotice whose Text (up to 4,000 characters) grows;</li>
 *   <li>up to about 80 KB, a partner's InformationResponse whose Answers (up to 20 of 4,000 characters) grow;</li>
 *   <li>beyond, state revenue's WorkplaceReport whose Workers grow (an employer's report; the contract allows
 *       1,000 workers). At full field lengths 1,000 workers are about 3 MB: the contract has no document of 5 MB
 *       of element content, so a larger report is pretty-printed with deeper indentation (white space between
 *       elements, which is signed and parsed like any text node, but cheaper for the schema than elements).</li>
 * </ul>
 * Every document gets a fresh MessageId and ConversationId and Created = now, so that each is a new message.
 */
public final class BenchDocuments {

    /** The largest WorkplaceReport the contract allows. */
    static final int MAX_WORKERS = 1000;
    private static final int MAX_NOTICE_TEXT = 4000;
    private static final int MAX_ANSWERS = 20;
    // xs:dateTime needs the seconds, which OffsetDateTime.toString() leaves out when they are zero
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private static final String SENTENCE = "The employer confirmed the worker's site, hours and wage with the regional "
            + "labour inspectorate; the documents listed in the application were checked against the originals. ";
    // Kazakh, as a workplace address is written in the employer's declaration (two bytes per letter in UTF-8)
    private static final String STREET = "Алатау ауданы, Шұғыла шағын ауданы, Алатау Резиденс тұрғын үй кешені, "
            + "4-блок, құрылыс алаңы, әкімшілік ғимараты, екінші қабат, кадр бөлімінің кеңсесі, ";
    private static final String JOB = "Арматурашы-бетоншы, монолитті темірбетон конструкцияларын орнату бойынша "
            + "жұмыстар, жоғары разрядты маман, ";

    private BenchDocuments() {
    }

    /** A document of about {@code targetBytes} unsigned bytes from {@code party} under {@code agreementId}. */
    public static byte[] ofSize(int targetBytes, String party, String agreementId) {
        if (targetBytes <= notice(party, agreementId, MAX_NOTICE_TEXT).length) {
            return grow(targetBytes, n -> notice(party, agreementId, n), 1, MAX_NOTICE_TEXT);
        }
        if (targetBytes <= response(party, agreementId, MAX_ANSWERS * MAX_NOTICE_TEXT).length) {
            return grow(targetBytes, n -> response(party, agreementId, n), 1, MAX_ANSWERS * MAX_NOTICE_TEXT);
        }
        return workplaceReport(targetBytes, party, agreementId);
    }

    /** Which document {@link #ofSize} makes for a size: for a sender that must be allowed to send it. */
    public static String documentTypeFor(int targetBytes) {
        if (targetBytes <= notice("KOR:MOEL", "AGR-KOR-MOEL", MAX_NOTICE_TEXT).length) {
            return "BusinessNotice";
        }
        if (targetBytes <= response("KOR:MOEL", "AGR-KOR-MOEL", MAX_ANSWERS * MAX_NOTICE_TEXT).length) {
            return "InformationResponse";
        }
        return "WorkplaceReport";
    }

    /** Parses "2KB", "50KB", "5MB", "5000" (bytes; K and M are 1,024 and 1,048,576). */
    public static int parseSize(String size) {
        String s = size.trim().toUpperCase();
        int factor = 1;
        if (s.endsWith("KB") || s.endsWith("K")) {
            factor = 1024;
        } else if (s.endsWith("MB") || s.endsWith("M")) {
            factor = 1024 * 1024;
        }
        String digits = s.replaceAll("[KMB]", "");
        try {
            return Math.multiplyExact(Integer.parseInt(digits), factor);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + size + "' is not a size: write e.g. 2KB, 50KB, 5MB", e);
        }
    }

    private interface Sized {
        byte[] of(int n);
    }

    /** The smallest n in [min, max] whose document reaches the target (binary search: sizes grow with n). */
    private static byte[] grow(int target, Sized sized, int min, int max) {
        int lo = min;
        int hi = max;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sized.of(mid).length >= target) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return sized.of(lo);
    }

    private static byte[] notice(String party, String agreementId, int textLength) {
        return envelope(party, agreementId, "BusinessNotice", ""
                + "    <BusinessNotice>\n"
                + "      <RefersTo>" + UUID.randomUUID() + "</RefersTo>\n"
                + "      <CaseReference>WP-2026-004417</CaseReference>\n"
                + "      <Severity>INFO</Severity>\n"
                + "      <Code>EMPLOYER-SITE-CONFIRMED</Code>\n"
                + "      <Text>" + text(SENTENCE, textLength) + "</Text>\n"
                + "    </BusinessNotice>\n");
    }

    private static byte[] response(String party, String agreementId, int totalLength) {
        StringBuilder answers = new StringBuilder();
        int left = totalLength;
        for (int i = 1; left > 0 && i <= MAX_ANSWERS; i++) {
            int n = Math.min(left, MAX_NOTICE_TEXT);
            answers.append("      <Answer questionId=\"q").append(i).append("\">").append(text(SENTENCE, n))
                    .append("</Answer>\n");
            left -= n;
        }
        return envelope(party, agreementId, "InformationResponse", ""
                + "    <InformationResponse>\n"
                + "      <CaseReference>WP-2026-004391</CaseReference>\n"
                + answers
                + "    </InformationResponse>\n");
    }

    private static byte[] workplaceReport(int target, String party, String agreementId) {
        int full = reportOf(party, agreementId, MAX_WORKERS, 0).length;
        if (target <= full) {
            return grow(target, n -> reportOf(party, agreementId, n, 0), 1, MAX_WORKERS);
        }
        int perWorker = Math.max(0, (target - full) / MAX_WORKERS);
        return reportOf(party, agreementId, MAX_WORKERS, perWorker);
    }

    private static byte[] reportOf(String party, String agreementId, int workers, int indent) {
        StringBuilder body = new StringBuilder(workers * 4000 + 1000);
        body.append("    <WorkplaceReport>\n")
                .append("      <ReportReference>SRC-WR-2026Q1-140940026152</ReportReference>\n")
                .append("      <EmployerBin>140940026152</EmployerBin>\n")
                .append("      <EmployerName>Alatau Qurylys Group LLP</EmployerName>\n")
                .append("      <ReportingPeriod><From>2026-01-01</From><To>2026-03-31</To></ReportingPeriod>\n");
        String pad = "\n" + " ".repeat(indent);
        for (int i = 0; i < workers; i++) {
            body.append(pad).append("      <Worker>\n")
                    .append("        <LatinName><Surname>TOSHMATOV</Surname><GivenNames>BEKZOD</GivenNames></LatinName>\n")
                    .append("        <TravelDocumentNumber>FA").append(String.format("%07d", i)).append("</TravelDocumentNumber>\n")
                    .append("        <TravelDocumentIssuingState>UZB</TravelDocumentIssuingState>\n")
                    .append("        <Citizenship>UZB</Citizenship>\n")
                    .append("        <BirthDate>1995-09-03</BirthDate>\n")
                    .append("        <PermitNumber>KZ-WP-2026-").append(String.format("%06d", i)).append("</PermitNumber>\n")
                    .append("        <WorkplaceRegion>KZ-75</WorkplaceRegion>\n")
                    .append("        <WorkplaceAddress>\n")
                    .append("          <Country>KAZ</Country>\n")
                    .append("          <Region>KZ-75</Region>\n")
                    .append("          <AdministrativeArea>").append(text(STREET, 100)).append("</AdministrativeArea>\n")
                    .append("          <Locality>").append(text(STREET, 100)).append("</Locality>\n")
                    .append("          <Street>").append(text(STREET, 200)).append("</Street>\n")
                    .append("          <Street>").append(text(STREET, 200)).append("</Street>\n")
                    .append("          <Street>").append(text(STREET, 200)).append("</Street>\n")
                    .append("          <PostalCode>050063</PostalCode>\n")
                    .append("        </WorkplaceAddress>\n")
                    .append("        <Profession><IscoCode>7114</IscoCode><JobTitle>").append(text(JOB, 200))
                    .append("</JobTitle></Profession>\n")
                    .append("        <StartDate>2026-01-26</StartDate>\n")
                    .append("        <MonthlyWage currency=\"KZT\">420000.00</MonthlyWage>\n")
                    .append("      </Worker>\n");
        }
        body.append("    </WorkplaceReport>\n");
        return envelope(party, agreementId, "WorkplaceReport", body.toString());
    }

    /** {@code length} characters of {@code phrase} repeated, trimmed so that it neither starts nor ends with a space. */
    private static String text(String phrase, int length) {
        StringBuilder s = new StringBuilder(length + phrase.length());
        while (s.length() < length) {
            s.append(phrase);
        }
        s.setLength(length);
        if (s.charAt(length - 1) == ' ') {
            s.setCharAt(length - 1, '.');
        }
        return s.toString();
    }

    private static byte[] envelope(String party, String agreementId, String type, String body) {
        String created = CREATED.format(OffsetDateTime.now(ZoneOffset.ofHours(5)));
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ExchangeMessage xmlns=\"urn:lmx:exchange:1\">\n"
                + "  <Header>\n"
                + "    <MessageId>" + UUID.randomUUID() + "</MessageId>\n"
                + "    <ConversationId>" + UUID.randomUUID() + "</ConversationId>\n"
                + "    <AgreementId>" + agreementId + "</AgreementId>\n"
                + "    <From>" + party + "</From>\n"
                + "    <To>KAZ:MLSP</To>\n"
                + "    <DocumentType>" + type + "</DocumentType>\n"
                + "    <Created>" + created + "</Created>\n"
                + "  </Header>\n"
                + "  <Body>\n" + body + "  </Body>\n"
                + "</ExchangeMessage>\n").getBytes(StandardCharsets.UTF_8);
    }
}
