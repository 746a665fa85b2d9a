package org.lmx.hub.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * A DRAFT agreement file (urn:lmx:agreement:1) for a new partner, with the defaults of the demo agreements: 10
 * delivery attempts 30 s doubling up to 1 h (a retry span of about 3 h, well inside the 24 h clock-skew window),
 * the architecture's sizes (10 MiB per document, 25 MiB per attachment, 50 MiB per call), bodies kept 10 years and
 * metadata 50. What only people can know (the legal basis, the dates) is marked REVIEW in comments.
 */
record DraftAgreement(String id, long version, String partner, String partnerName, String partnerKind,
                      Transport transport, TrustEntry trust, String revocationPolicy, PartnerDocuments documents,
                      LocalDate validFrom) {

    /** SOAP push to {@code endpoint}, or SOAP pull when {@code endpoint} is null. */
    record Transport(URI endpoint, String soapVersion) {

        boolean push() {
            return endpoint != null;
        }

        String fileNamePrefix() {
            return push() ? "soap-push-" : "soap-pull-";
        }
    }

    /** One trust entry by file under the trust directory. */
    record TrustEntry(String role, String label, String certificateFile, URI crlUrl) {
    }

    /** {@code soap-push-KOR-MOEL.xml}, like the demo agreements. */
    String fileName() {
        return transport.fileNamePrefix() + partner.replace(':', '-') + ".xml";
    }

    byte[] xml() {
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<!-- Written by lmx partner onboard for review: check every element, above all those marked REVIEW;\n")
                .append("     then set Status to ACTIVE, validate (lmx agreements validate), copy it into the data directory's\n")
                .append("     agreements/ and reload (POST /api/agreements/reload). -->\n");
        x.append("<Agreement xmlns=\"urn:lmx:agreement:1\">\n");
        line(x, 1, "Id", id);
        line(x, 1, "Version", Long.toString(version));
        comment(x, 1, "DRAFT is imported but never current: no message is accepted under it until a version is ACTIVE.");
        line(x, 1, "Status", "DRAFT");
        line(x, 1, "Title", "Exchange with " + partnerName);
        open(x, 1, "LegalBasis");
        comment(x, 2, "REVIEW: the instrument's full title, the day it was signed, where it is registered.");
        line(x, 2, "TreatyName", "To be completed: the treaty or memorandum that allows the exchange with " + partnerName);
        line(x, 2, "SignedOn", validFrom.toString());
        close(x, 1, "LegalBasis");
        open(x, 1, "Parties");
        line(x, 2, "Hub", EnvelopeFiller.HUB);
        line(x, 2, "Partner", partner);
        line(x, 2, "PartnerName", partnerName);
        line(x, 2, "PartnerKind", partnerKind);
        close(x, 1, "Parties");
        open(x, 1, "Validity");
        comment(x, 2, "REVIEW: from the day the exchange starts; add To where the instrument ends.");
        line(x, 2, "From", validFrom.toString());
        close(x, 1, "Validity");
        open(x, 1, "Transport");
        if (transport.push()) {
            open(x, 2, "SoapPush");
            line(x, 3, "Endpoint", transport.endpoint().toString());
            line(x, 3, "SoapVersion", transport.soapVersion());
            line(x, 3, "Mtom", "true");
            close(x, 2, "SoapPush");
        } else {
            open(x, 2, "SoapPull");
            line(x, 3, "MaxDocumentsPerFetch", "50");
            close(x, 2, "SoapPull");
        }
        close(x, 1, "Transport");
        open(x, 1, "Trust");
        open(x, 2, "TrustEntry");
        line(x, 3, "Role", trust.role());
        line(x, 3, "Label", trust.label());
        line(x, 3, "CertificateFile", trust.certificateFile());
        if (trust.crlUrl() != null) {
            line(x, 3, "CrlUrl", trust.crlUrl().toString());
        }
        close(x, 2, "TrustEntry");
        line(x, 2, "RevocationPolicy", revocationPolicy);
        close(x, 1, "Trust");
        open(x, 1, "Documents");
        open(x, 2, "Inbound");
        documents.inbound().forEach(type -> line(x, 3, "DocumentType", type));
        close(x, 2, "Inbound");
        open(x, 2, "Outbound");
        documents.outbound().forEach(type -> line(x, 3, "DocumentType", type));
        close(x, 2, "Outbound");
        close(x, 1, "Documents");
        comment(x, 1, "REVIEW: QuotaShares, where the agreement gives the partner shares of the national quota.");
        comment(x, 1, "10 attempts, waits 30 s doubling up to 1 h: the retry span is about 3 h 04 min, well inside the 24 h clock-skew window.");
        open(x, 1, "Delivery");
        line(x, 2, "MaxAttempts", "10");
        line(x, 2, "InitialBackoff", "PT30S");
        line(x, 2, "MaxBackoff", "PT1H");
        line(x, 2, "BackoffMultiplier", "2");
        close(x, 1, "Delivery");
        line(x, 1, "ClockSkew", "PT24H");
        open(x, 1, "Limits");
        line(x, 2, "MaxDocumentBytes", "10485760");
        line(x, 2, "MaxAttachmentBytes", "26214400");
        line(x, 2, "MaxCallBytes", "52428800");
        close(x, 1, "Limits");
        open(x, 1, "Retention");
        line(x, 2, "MessageBodies", "P10Y");
        line(x, 2, "Metadata", "P50Y");
        close(x, 1, "Retention");
        x.append("</Agreement>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder x, int depth, String name, String text) {
        x.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(text))
                .append("</").append(name).append(">\n");
    }

    private static void open(StringBuilder x, int depth, String name) {
        x.append("  ".repeat(depth)).append('<').append(name).append(">\n");
    }

    private static void close(StringBuilder x, int depth, String name) {
        x.append("  ".repeat(depth)).append("</").append(name).append(">\n");
    }

    private static void comment(StringBuilder x, int depth, String text) {
        x.append("  ".repeat(depth)).append("<!-- ").append(text.replace("--", "- -")).append(" -->\n");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
