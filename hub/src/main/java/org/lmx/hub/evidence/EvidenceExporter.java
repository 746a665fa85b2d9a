package org.lmx.hub.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lmx.connectors.pki.CertificateAuthority;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.routes.log.Direction;
import org.lmx.routes.log.LogEntry;
import org.lmx.routes.log.LoggedAttachment;
import org.lmx.routes.log.LoggedMessage;
import org.lmx.routes.log.MessageLog;
import org.lmx.routes.log.RetentionPurge;
import org.lmx.xsd.agreement.v1.TrustRole;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes the evidence bundle of one case (a conversation): every document in and out as its exact signed bytes,
 * their attachments and receipts, the chain proof, the certificates and CRLs to check them, and the hub's signed
 * manifest, as one canonical ZIP. See EvidenceIndex for the layout.
 */
public final class EvidenceExporter {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final JdbcTemplate jdbc;
    private final MessageLog log;
    private final RetentionPurge retention;
    private final Credential hub;
    private final String hubParty;
    private final Path pki;
    private final Clock clock;

    public EvidenceExporter(JdbcTemplate jdbc, MessageLog log, RetentionPurge retention,
                            Credential hub, String hubParty, Path pki, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.retention = retention;
        this.hub = hub;
        this.hubParty = hubParty;
        this.pki = pki;
        this.clock = clock;
    }

    /** The bundle's bytes, or empty when the hub logged nothing in this conversation. */
    public Optional<byte[]> export(String conversationId) {
        // the head first: entries appended while this runs come after it and are left out of the links
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM log_chain WHERE id = 1");
        long headSeq = ((Number) head.get("last_seq")).longValue();
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT seq, message_id, prev_hash, entry_hash FROM message_log"
                + " WHERE conversation_id = ? AND seq <= ? ORDER BY seq", conversationId, headSeq);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String exportedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        TreeMap<String, byte[]> files = new TreeMap<>();
        List<EvidenceIndex.Message> messages = new ArrayList<>();
        Map<String, EvidenceIndex.AgreementTrust> trust = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            String id = (String) row.get("message_id");
            LoggedMessage logged = log.find(id).orElseThrow();
            LogEntry e = logged.entry();
            String name = String.format("%010d-%s.xml", e.seq(), id);
            String document = log.body(id).map(body -> put(files, "documents/" + name, body)).orElse(null);
            byte[] receiptBytes = e.direction() == Direction.INBOUND ? log.receipt(id).orElse(null) : deliveryReceipt(id);
            String receipt = receiptBytes == null ? null : put(files, "receipts/" + name, receiptBytes);
            List<EvidenceIndex.Attachment> attachments = new ArrayList<>();
            for (LoggedAttachment a : e.attachments()) {
                String file = log.attachment(a.sha256()).map(c -> put(files, "attachments/" + a.sha256(), c)).orElse(null);
                attachments.add(new EvidenceIndex.Attachment(a.id(), a.fileName(), a.mimeType(), a.size(), a.sha256(), file));
            }
            trust.computeIfAbsent(e.agreementId(), agreementId -> trustOf(agreementId, files));
            messages.add(new EvidenceIndex.Message(e.seq(), id, e.direction().name(), e.conversationId(), e.inReplyTo(),
                    e.agreementId(), e.from(), e.to(), e.documentType(), e.created(), e.loggedAt().toString(), e.digest(),
                    e.size(), e.receiptDigest(), attachments, (String) row.get("prev_hash"), (String) row.get("entry_hash"),
                    logged.state().name(), document, retention.purgedAt(id).map(Instant::toString).orElse(null), receipt,
                    receipt == null ? null : e.direction() == Direction.INBOUND ? "HUB" : "RECIPIENT"));
        }
        long firstSeq = ((Number) rows.get(0).get("seq")).longValue();
        String links = put(files, "chain/links.txt", links(firstSeq, headSeq));
        String hubCertificates = put(files, "certificates/" + fileName(hubParty) + ".pem", pem(hubChain()));
        List<String> crls = new ArrayList<>();
        Path crl = pki.resolve(CertificateAuthority.CRL_FILE);
        if (Files.isReadable(crl)) {
            try {
                crls.add(put(files, "crls/" + CertificateAuthority.CRL_FILE, Files.readAllBytes(crl)));
            } catch (java.io.IOException ex) {
                throw new IllegalStateException("cannot read the hub CA's CRL " + crl + ": " + ex.getMessage(), ex);
            }
        }
        EvidenceIndex index = new EvidenceIndex(EvidenceIndex.FORMAT, conversationId, exportedAt, hubParty,
                new EvidenceIndex.Head(headSeq, (String) head.get("last_hash")), links, hubCertificates, crls,
                List.copyOf(trust.values()), messages);
        try {
            files.put(EvidenceIndex.FILE, JSON.writeValueAsBytes(index));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        LinkedHashMap<String, byte[]> bundle = new LinkedHashMap<>();
        bundle.put(EvidenceManifest.FILE, EvidenceManifest.signed(conversationId, exportedAt, hubParty, files, hub));
        bundle.putAll(files);
        return Optional.of(CanonicalZip.write(bundle));
    }

    private byte[] deliveryReceipt(String messageId) {
        return jdbc.query("SELECT receipt FROM delivery_receipt WHERE message_id = ?", (rs, i) -> rs.getBytes(1),
                messageId).stream().findFirst().orElse(null);
    }

    /** seq, previous hash and hash of every entry from the case's first to the head: the links to the head. */
    private byte[] links(long firstSeq, long headSeq) {
        StringBuilder out = new StringBuilder();
        jdbc.query("SELECT seq, prev_hash, entry_hash FROM message_log WHERE seq >= ? AND seq <= ? ORDER BY seq",
                rs -> {
                    out.append(rs.getLong(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                            .append('\n');
                }, firstSeq, headSeq);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Every trust anchor the agreement's versions in force (not DRAFT) have held, so that a document received before
     * a rotation still verifies against the certificate trusted when it came.
     */
    private EvidenceIndex.AgreementTrust trustOf(String agreementId, Map<String, byte[]> files) {
        String partner = jdbc.query("SELECT partner FROM agreement_version WHERE agreement_id = ? ORDER BY version DESC",
                (rs, i) -> rs.getString(1), agreementId).stream().findFirst().orElse(null);
        Map<String, String> authorities = new LinkedHashMap<>();
        Map<String, String> pinned = new LinkedHashMap<>();
        jdbc.query("SELECT t.role, t.certificate_pem FROM agreement_trust t JOIN agreement_version v"
                        + " ON v.agreement_id = t.agreement_id AND v.version = t.version"
                        + " WHERE t.agreement_id = ? AND v.status <> 'DRAFT' ORDER BY t.version, t.position",
                rs -> {
                    String pem = rs.getString(2).strip() + "\n";
                    (TrustRole.CA.name().equals(rs.getString(1)) ? authorities : pinned).putIfAbsent(pem, pem);
                }, agreementId);
        String base = "certificates/" + fileName(agreementId);
        return new EvidenceIndex.AgreementTrust(agreementId, partner,
                authorities.isEmpty() ? null : put(files, base + "-ca.pem", joined(authorities)),
                pinned.isEmpty() ? null : put(files, base + "-pinned.pem", joined(pinned)));
    }

    private static byte[] joined(Map<String, String> pems) {
        return String.join("", pems.keySet()).getBytes(StandardCharsets.US_ASCII);
    }

    /** The hub's signing certificate and its issuers up to the CA. */
    private List<X509Certificate> hubChain() {
        List<X509Certificate> chain = new ArrayList<>(hub.chain());
        X509Certificate last = chain.get(chain.size() - 1);
        Path ca = pki.resolve(CertificateAuthority.CERTIFICATE_FILE);
        if (!last.getSubjectX500Principal().equals(last.getIssuerX500Principal()) && Files.isReadable(ca)) {
            try {
                X509Certificate root = Pem.readCertificate(ca);
                if (root.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
                    chain.add(root);
                }
            } catch (PkiException ex) {
                throw new IllegalStateException("cannot read the hub CA " + ca + ": " + ex.getMessage(), ex);
            }
        }
        return chain;
    }

    private static byte[] pem(List<X509Certificate> certificates) {
        try {
            return Pem.toPem(certificates).getBytes(StandardCharsets.US_ASCII);
        } catch (PkiException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String put(Map<String, byte[]> files, String path, byte[] content) {
        files.put(path, content);
        return path;
    }

    private static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "-");
    }

}
