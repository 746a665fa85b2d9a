package org.lmx.hub.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.CrlSource;
import org.lmx.connectors.signature.SignatureVerifier;
import org.lmx.connectors.signature.TrustAnchors;
import org.lmx.connectors.signature.VerificationOptions;
import org.lmx.connectors.signature.VerifiedDocument;
import org.lmx.hub.cli.ConformanceCheck.Result;
import org.lmx.routes.outbound.PartnerExchangeClient;

/**
 * Acts as the hub towards a push partner's endpoint and checks what a partner must do (ARCHITECTURE.md, "The
 * message"): Ping answered (a); the hub's signature verified, shown by the refusal of a document signed by a
 * stranger's key that names the hub (b); a receipt signed by the partner for exactly the bytes sent (c); the same
 * receipt again for a resend (d); a document changed after signing refused (e). A refusal is a SOAP fault or a
 * receipt that is not ACCEPTED: the contract lets a partner refuse either way, and neither takes effect.
 */
final class ConformanceRun {

    private final PartnerExchangeClient client;
    private final PartnerExchangeClient.Target target;
    private final String partner;
    private final TrustAnchors partnerTrust;
    private final Credential hub;
    private final Supplier<Credential> stranger;
    private final ConformancePings pings;
    private final SignatureVerifier verifier = new SignatureVerifier(CrlSource.NONE);

    ConformanceRun(PartnerExchangeClient client, PartnerExchangeClient.Target target, String partner,
                   TrustAnchors partnerTrust, Credential hub, Supplier<Credential> stranger, ConformancePings pings) {
        this.client = client;
        this.target = target;
        this.partner = partner;
        this.partnerTrust = partnerTrust;
        this.hub = hub;
        this.stranger = stranger;
        this.pings = pings;
    }

    List<Result> run() throws CliFailure {
        List<Result> results = new ArrayList<>();
        ConformancePings.Signed ping = pings.ping("LMX conformance (a, c, d): connectivity test from the hub", hub);
        PartnerAnswer first = PartnerAnswer.submit(client, target, ping.bytes());
        results.add(ping(ping, first));
        results.add(signedReceipt(ping, first));
        results.add(sameReceipt(first, PartnerAnswer.submit(client, target, ping.bytes())));

        ConformancePings.Signed foreign = pings.ping("LMX conformance (b): signed by a key the partner must not trust",
                stranger.get());
        results.add(refused(ConformanceCheck.VERIFIES_HUB_SIGNATURE, PartnerAnswer.submit(client, target, foreign.bytes()),
                "a document that names " + EnvelopeFiller.HUB + " but is signed under a CA made for this check"));

        ConformancePings.Signed original = pings.ping("LMX conformance (e): this text is changed after signing", hub);
        byte[] tampered = ConformancePings.tampered(original.bytes());
        results.add(refused(ConformanceCheck.TAMPERED_REJECTED, PartnerAnswer.submit(client, target, tampered),
                "a document signed by the hub whose Ping/Text had one byte changed after signing"));
        results.sort(Comparator.comparing(Result::check));
        return results;
    }

    private Result ping(ConformancePings.Signed ping, PartnerAnswer answer) {
        ConformanceCheck check = ConformanceCheck.PING;
        if (!answer.hasReceipt()) {
            return Result.fail(check, noReceipt(answer));
        }
        try {
            PartnerAnswer.ReceiptContent content = answer.content();
            if (!ping.messageId().equals(content.messageId())) {
                return Result.fail(check, "the receipt answers MessageId " + content.messageId() + ", not the Ping's "
                        + ping.messageId());
            }
            if (!content.accepted()) {
                return Result.fail(check, "the Ping was not accepted: " + content.describe());
            }
            return Result.pass(check, "receipt ACCEPTED for Ping " + ping.messageId());
        } catch (CliFailure e) {
            return Result.fail(check, e.getMessage());
        }
    }

    private Result signedReceipt(ConformancePings.Signed ping, PartnerAnswer answer) {
        ConformanceCheck check = ConformanceCheck.SIGNED_RECEIPT;
        if (!answer.hasReceipt()) {
            return Result.fail(check, "no receipt to check: " + noReceipt(answer));
        }
        VerifiedDocument verified;
        try {
            verified = verifier.verify(answer.receipt(), partnerTrust, VerificationOptions.defaults().expectParty(partner));
        } catch (LmxException e) {
            return Result.fail(check, "the receipt's signature does not verify as " + partner + "'s: [" + e.code() + "] "
                    + e.getMessage());
        }
        try {
            PartnerAnswer.ReceiptContent content = answer.content();
            String sent = Sha256.hex(ping.bytes());
            if (!sent.equals(content.digest())) {
                return Result.fail(check, "the receipt's ReceivedDigest " + content.digest() + " is not the SHA-256 of the "
                        + "bytes sent, " + sent);
            }
            if (!ping.messageId().equals(content.messageId())) {
                return Result.fail(check, "the receipt's ReceivedMessageId " + content.messageId() + " is not "
                        + ping.messageId());
            }
            return Result.pass(check, "signed by " + verified.signer().getSubjectX500Principal().getName()
                    + ", ReceivedDigest " + sent);
        } catch (CliFailure e) {
            return Result.fail(check, e.getMessage());
        }
    }

    private Result sameReceipt(PartnerAnswer first, PartnerAnswer again) {
        ConformanceCheck check = ConformanceCheck.SAME_RECEIPT_ON_RESEND;
        if (!first.hasReceipt()) {
            return Result.fail(check, "no first receipt to compare: " + noReceipt(first));
        }
        if (!again.hasReceipt()) {
            return Result.fail(check, "the resend got no receipt: " + noReceipt(again));
        }
        if (!Arrays.equals(first.receipt(), again.receipt())) {
            return Result.fail(check, "the resend of the same bytes got another receipt (SHA-256 "
                    + Sha256.hex(again.receipt()) + ", the first was " + Sha256.hex(first.receipt())
                    + "): a partner keeps the receipt of a message it has taken and answers a resend with it");
        }
        return Result.pass(check, "the same receipt, SHA-256 " + Sha256.hex(first.receipt()));
    }

    private static Result refused(ConformanceCheck check, PartnerAnswer answer, String what) {
        if (answer.hasReceipt()) {
            try {
                answer.content();
            } catch (CliFailure e) {
                return Result.fail(check, "answered " + what + " with something that is not a receipt: " + e.getMessage());
            }
        }
        String refusal = answer.refusal();
        if (refusal != null) {
            return Result.pass(check, "refused " + what + ": " + refusal);
        }
        if (answer.failure() != null) {
            return Result.fail(check, "no answer to " + what + ": " + answer.failure());
        }
        return Result.fail(check, "accepted " + what + (answer.hasReceipt() ? " (an ACCEPTED receipt)" : ""));
    }

    private static String noReceipt(PartnerAnswer answer) {
        return answer.fault() != null ? answer.fault() : answer.failure();
    }
}
