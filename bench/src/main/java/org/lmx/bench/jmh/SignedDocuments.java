package org.lmx.bench.jmh;

import org.lmx.bench.docs.BenchDocuments;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.XmlSigner;

/** Signed documents of a given signed size (the signature and certificate take 1.5 to 3 KB of it). */
public final class SignedDocuments {

    private SignedDocuments() {
    }

    public static byte[] signed(int signedBytes, Credential signer, String agreementId) throws Exception {
        String party = signer.party().orElseThrow();
        byte[] small = BenchDocuments.ofSize(1, party, agreementId);
        int overhead = XmlSigner.sign(small, signer).length - small.length;
        return XmlSigner.sign(BenchDocuments.ofSize(Math.max(1, signedBytes - overhead), party, agreementId), signer);
    }
}
