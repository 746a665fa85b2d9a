package org.lmx.hub.evidence;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.PkiException;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.xsd.agreement.v1.RevocationPolicy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks an evidence bundle offline (no hub, no network): the canonical form of the file, the hub's signature on
 * the manifest and every file's digest against it, every document's and receipt's signature at the time its receipt
 * records (so a bundle verifies after its certificates have expired), each receipt against its document, the
 * chain hash of every entry recomputed from its fields, and the links from the case's entries to the head.
 * CRLs come only from the bundle; a certificate with none is noted (soft-fail), never fetched.
 */
public final class EvidenceVerifier {

    private static final String LMX = "urn:lmx:exchange:1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SignatureVerifier signatures = new SignatureVerifier(CrlSource.NONE);
    private final java.time.Clock clock;
    private final String hubParty;

    /**
     * @param clock    the reader's now: only to say which certificates have expired by then (nothing is checked at it)
     * @param hubParty the hub's party, which must have signed the manifest: the reader's, never the bundle's word (a
     *                 CA that certifies partners too would otherwise let a partner sign a bundle as "the hub")
     */
    public EvidenceVerifier(java.time.Clock clock, String hubParty) {
        this.clock = clock;
        this.hubParty = hubParty;
    }

    public EvidenceVerifier(java.time.Clock clock) {
        this(clock, HUB_PARTY);
    }

    public EvidenceVerifier() {
        this(java.time.Clock.systemUTC());
    }

    /** The hub's party (ARCHITECTURE.md "Parties and names"). */
    public static final String HUB_PARTY = "KAZ:MLSP";

    /**
     * @param trustedHubCa the hub CA the reader trusts; empty: the bundle's own hub certificates (their root's
     *                     fingerprint is reported, to compare with one obtained another way)
     */
    public EvidenceReport verify(byte[] bundle, Optional<X509Certificate> trustedHubCa) {
        EvidenceReport report = new EvidenceReport();
        try {
            check(bundle, trustedHubCa, report);
        } catch (RuntimeException e) {
            // a file the signed manifest covers but that does not fit together: broken, not a crash
            report.broken("bundle", "it cannot be read as an evidence bundle: " + e);
        }
        return report;
    }

    private void check(byte[] bundle, Optional<X509Certificate> trustedHubCa, EvidenceReport report) {
        LinkedHashMap<String, byte[]> entries;
        try {
            entries = CanonicalZip.read(bundle);
            report.ok("canonical form", entries.size() + " entries, STORED, fixed times, nothing outside them");
        } catch (CanonicalZip.NotCanonical e) {
            report.broken("canonical form", e.getMessage());
            return;
        }
        List<String> names = new ArrayList<>(entries.keySet());
        if (names.isEmpty() || !names.get(0).equals(EvidenceManifest.FILE)) {
            report.broken(EvidenceManifest.FILE, "it is not the bundle's first entry");
            return;
        }
        EvidenceIndex index;
        try {
            index = JSON.readValue(entries.get(EvidenceIndex.FILE), EvidenceIndex.class);
        } catch (Exception e) {
            report.broken(EvidenceIndex.FILE, "missing or unreadable: " + e.getMessage());
            return;
        }
        if (!hubParty.equals(index.hub())) {
            report.broken(EvidenceIndex.FILE, "it names the hub " + index.hub() + ", not " + hubParty);
            return;
        }
        List<X509Certificate> hubChain = certificates(entries, index.hubCertificates(), report);
        X509Certificate hubCa = trustedHubCa.orElse(hubChain.isEmpty() ? null : hubChain.get(hubChain.size() - 1));
        if (hubCa == null) {
            report.broken("hub CA", "no --trust given and no hub certificates in the bundle");
            return;
        }
        report.note("hub CA", (trustedHubCa.isPresent() ? "given with --trust: " : "the bundle's own (compare its"
                + " fingerprint with one you trust, or give --trust): ") + hubCa.getSubjectX500Principal().getName()
                + ", SHA-256 " + fingerprint(hubCa));
        List<X509CRL> crls = crls(entries, index.crls(), report);
        if (!manifest(entries, names, index, hubCa, report)) {
            return;
        }
        Map<String, TrustAnchors> trust = new LinkedHashMap<>();
        for (EvidenceIndex.AgreementTrust t : index.agreements()) {
            List<X509Certificate> authorities = t.authorities() == null ? List.of() : certificates(entries, t.authorities(), report);
            List<X509Certificate> pinned = t.pinned() == null ? List.of() : certificates(entries, t.pinned(), report);
            if (!authorities.isEmpty() || !pinned.isEmpty()) {
                trust.put(t.agreementId(), new TrustAnchors(new java.util.HashSet<>(authorities), new java.util.HashSet<>(pinned)));
            }
        }
        TrustAnchors hubTrust = TrustAnchors.authority(hubCa);
        for (EvidenceIndex.Message m : index.messages()) {
            message(m, entries, hubParty, hubTrust, trust.get(m.agreementId()), crls, report);
        }
        chain(index, entries, report);
        expired(entries, index, report);
    }

    /** The manifest's signature by the hub at its export time, and the entries it lists, exactly. */
    private boolean manifest(Map<String, byte[]> entries, List<String> names, EvidenceIndex index, X509Certificate hubCa,
                             EvidenceReport report) {
        Document manifest;
        try {
            manifest = SecureXml.parse(entries.get(EvidenceManifest.FILE));
            Instant exportedAt = Instant.parse(EvidenceManifest.value(manifest, "ExportedAt"));
            VerifiedDocument verified = signatures.verifyParsed(manifest, TrustAnchors.authority(hubCa),
                    VerificationOptions.defaults().at(exportedAt).expectParty(hubParty));
            report.ok("manifest signature", "signed by " + verified.party() + " ("
                    + verified.signer().getSubjectX500Principal().getName() + ") at " + exportedAt);
        } catch (LmxException e) {
            report.broken("manifest signature", "[" + e.code() + "] " + e.getMessage());
            return false;
        } catch (RuntimeException e) {
            report.broken("manifest signature", "the manifest cannot be read: " + e);
            return false;
        }
        if (!index.conversationId().equals(EvidenceManifest.value(manifest, "ConversationId"))) {
            report.broken(EvidenceIndex.FILE, "its conversation is not the manifest's");
        }
        List<EvidenceManifest.Listed> listed = EvidenceManifest.files(manifest);
        List<String> expected = new ArrayList<>(List.of(EvidenceManifest.FILE));
        listed.forEach(l -> expected.add(l.path()));
        if (!expected.equals(names)) {
            report.broken("bundle entries", "the entries are not exactly those the manifest lists: " + names + " vs " + expected);
            return false;
        }
        int ok = 0;
        for (EvidenceManifest.Listed l : listed) {
            byte[] content = entries.get(l.path());
            if (content.length != l.size() || !Sha256.hex(content).equals(l.sha256())) {
                report.broken(l.path(), "its SHA-256 is not the one the manifest lists (" + l.sha256() + ")");
            } else {
                ok++;
            }
        }
        report.ok("file digests", ok + " of " + listed.size() + " files match the signed manifest");
        return ok == listed.size();
    }

    private void message(EvidenceIndex.Message m, Map<String, byte[]> entries, String hubParty, TrustAnchors hubTrust,
                         TrustAnchors agreementTrust, List<X509CRL> crls, EvidenceReport report) {
        String subject = m.direction() + " " + m.documentType() + " " + m.messageId();
        boolean inbound = "INBOUND".equals(m.direction());
        // the receipt first: its time is when the document's signature must have held
        Instant at = Instant.parse(m.loggedAt());
        Element receipt = null;
        if (m.receipt() != null) {
            byte[] bytes = entries.get(m.receipt());
            TrustAnchors receiptTrust = inbound ? hubTrust : agreementTrust;
            String receiptSigner = inbound ? hubParty : m.to();
            Optional<Element> checked = receiptTrust == null ? Optional.empty()
                    : receipt(subject, bytes, receiptTrust, receiptSigner, crls, report);
            if (receiptTrust == null) {
                report.broken(subject + " receipt", "no trust for " + m.agreementId() + " in the bundle");
            }
            if (checked.isPresent()) {
                receipt = checked.get();
                at = OffsetDateTime.parse(text(receipt, "ReceivedAt")).toInstant();
                if (!m.messageId().equals(text(receipt, "ReceivedMessageId")) || !m.digest().equals(text(receipt, "ReceivedDigest"))) {
                    report.broken(subject + " receipt", "it answers " + text(receipt, "ReceivedMessageId") + " with digest "
                            + text(receipt, "ReceivedDigest") + ", not this document (digest " + m.digest() + ")");
                } else {
                    report.ok(subject + " receipt", text(receipt, "Status") + " at " + at + ", answers this document's digest");
                }
            }
            if (m.receiptDigest() != null && !m.receiptDigest().equals(Sha256.hex(bytes))) {
                report.broken(subject + " receipt", "its SHA-256 is not the chained receipt digest " + m.receiptDigest());
            }
        } else {
            report.note(subject, "no receipt in the bundle (state " + m.state() + "): checked at its log time " + at);
        }
        if (m.document() == null) {
            report.note(subject, m.purgedAt() != null ? "body purged at the end of retention at " + m.purgedAt()
                    + "; its digest stays in the chain" : "no body in the bundle");
        } else {
            byte[] body = entries.get(m.document());
            TrustAnchors trust = inbound ? agreementTrust : hubTrust;
            if (body.length != m.size() || !Sha256.hex(body).equals(m.digest())) {
                report.broken(subject, "its bytes are not the logged digest " + m.digest());
            } else if (trust == null) {
                report.broken(subject, "no trust for " + m.agreementId() + " in the bundle");
            } else {
                try {
                    VerifiedDocument verified = signatures.verify(body, trust, VerificationOptions.defaults()
                            .maxBytes(Math.max(body.length, SecureXml.DEFAULT_MAX_DOCUMENT_BYTES)).at(at)
                            .expectParty(m.from()).revocation(RevocationPolicy.CRL_SOFT_FAIL, crls));
                    Element root = verified.document().getDocumentElement();
                    if (!m.messageId().equals(text(root, "MessageId")) || !m.conversationId().equals(text(root, "ConversationId"))) {
                        report.broken(subject, "its header is not the logged entry's MessageId/ConversationId");
                    } else {
                        report.ok(subject, "signed by " + verified.party() + ", valid at " + at
                                + (receipt == null ? " (log time)" : " (its receipt's time)"));
                    }
                    verified.warnings().forEach(w -> report.note(subject, w));
                } catch (LmxException e) {
                    report.broken(subject, "[" + e.code() + "] " + e.getMessage());
                }
            }
        }
        for (EvidenceIndex.Attachment a : m.attachments()) {
            if (a.file() == null) {
                report.note(subject + " attachment " + a.id(), "content not in the bundle (purged); its digest is chained");
            } else if (!Sha256.hex(entries.get(a.file())).equals(a.sha256())) {
                report.broken(subject + " attachment " + a.id(), "its content is not its declared SHA-256 " + a.sha256());
            } else {
                report.ok(subject + " attachment " + a.id(), "matches its declared SHA-256");
            }
        }
    }

    private Optional<Element> receipt(String subject, byte[] bytes, TrustAnchors trust, String signer,
                                      List<X509CRL> crls, EvidenceReport report) {
        try {
            // read its time first (unverified), then verify the signature as of that time
            Document unverified = SecureXml.parse(bytes);
            Element content = first(unverified.getDocumentElement(), "Receipt");
            Instant at = OffsetDateTime.parse(text(content, "ReceivedAt")).toInstant();
            VerifiedDocument verified = signatures.verify(bytes, trust, VerificationOptions.defaults().at(at)
                    .expectParty(signer).revocation(RevocationPolicy.CRL_SOFT_FAIL, crls));
            verified.warnings().forEach(w -> report.note(subject + " receipt", w));
            return Optional.of(first(verified.document().getDocumentElement(), "Receipt"));
        } catch (LmxException e) {
            report.broken(subject + " receipt", "[" + e.code() + "] " + e.getMessage());
        } catch (RuntimeException e) {
            report.broken(subject + " receipt", "not a readable receipt: " + e);
        }
        return Optional.empty();
    }

    /** Each entry's hash from its fields and previous hash; the links from the first entry to the head. */
    private void chain(EvidenceIndex index, Map<String, byte[]> entries, EvidenceReport report) {
        Map<Long, String[]> links = new LinkedHashMap<>();
        String previous = null;
        long expectedSeq = -1;
        for (String line : new String(entries.get(index.links()), StandardCharsets.US_ASCII).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(" ");
            long seq = Long.parseLong(f[0]);
            if ((expectedSeq >= 0 && seq != expectedSeq) || (previous != null && !previous.equals(f[1]))) {
                report.broken("chain links", "entry " + seq + " does not follow the entry before it");
                return;
            }
            links.put(seq, f);
            previous = f[2];
            expectedSeq = seq + 1;
        }
        if (expectedSeq - 1 != index.chainHead().seq() || !index.chainHead().hash().equals(previous)) {
            report.broken("chain links", "they do not end at the head " + index.chainHead().seq());
            return;
        }
        int recomputed = 0;
        for (EvidenceIndex.Message m : index.messages()) {
            String[] link = links.get(m.seq());
            String hash = m.entry().chainHash(m.prevHash());
            if (!hash.equals(m.entryHash())) {
                report.broken("chain entry " + m.seq(), "its fields hash to " + hash + ", not its recorded " + m.entryHash());
            } else if (link == null || !link[1].equals(m.prevHash()) || !link[2].equals(m.entryHash())) {
                report.broken("chain entry " + m.seq(), "it is not the entry the links hold at " + m.seq());
            } else {
                recomputed++;
            }
        }
        report.ok("chain proof", recomputed + " of the case's entries recomputed from their fields; " + links.size()
                + " links lead to the head " + index.chainHead().seq() + " (" + index.chainHead().hash()
                + "), compare it with lmx log verify");
    }

    /** Certificates of the bundle that have expired by the reader's now: why signatures are checked at receipt times. */
    private void expired(Map<String, byte[]> entries, EvidenceIndex index, EvidenceReport report) {
        Instant now = clock.instant();
        List<String> files = new ArrayList<>(List.of(index.hubCertificates()));
        index.agreements().forEach(t -> {
            if (t.authorities() != null) {
                files.add(t.authorities());
            }
            if (t.pinned() != null) {
                files.add(t.pinned());
            }
        });
        for (String file : files) {
            for (X509Certificate c : certificates(entries, file, report)) {
                if (c.getNotAfter().toInstant().isBefore(now)) {
                    report.note("certificate " + c.getSubjectX500Principal().getName(), "expired at "
                            + c.getNotAfter().toInstant() + ", before now (" + now + "); what it signed was checked at"
                            + " the times the receipts record");
                }
            }
        }
    }

    private static List<X509Certificate> certificates(Map<String, byte[]> entries, String path, EvidenceReport report) {
        try {
            return Pem.parseCertificates(new String(entries.get(path), StandardCharsets.US_ASCII));
        } catch (PkiException | RuntimeException e) {
            report.broken(String.valueOf(path), "not readable certificates: " + e.getMessage());
            return List.of();
        }
    }

    private static List<X509CRL> crls(Map<String, byte[]> entries, List<String> paths, EvidenceReport report) {
        List<X509CRL> crls = new ArrayList<>();
        for (String path : paths) {
            try {
                crls.add(Pem.parseCrl(new String(entries.get(path), StandardCharsets.US_ASCII)));
            } catch (PkiException | RuntimeException e) {
                report.broken(path, "not a readable CRL: " + e.getMessage());
            }
        }
        return crls;
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Sha256.digest().digest(certificate.getEncoded()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Element first(Element scope, String name) {
        NodeList nodes = scope.getElementsByTagNameNS(LMX, name);
        return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
    }

    private static String text(Element scope, String name) {
        Element e = first(scope, name);
        return e == null ? null : e.getTextContent();
    }
}
