package org.lmx.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.lmx.bench.docs.BenchDocuments;
import org.lmx.bench.keys.BenchKey;
import org.lmx.bench.keys.BenchPki;
import org.lmx.bench.work.PerMessageWork;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.routes.inbound.ReceivedHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/**
 * The per-message work of the inbound pipeline, with the project's own code (connectors' SecureXml,
 * ContractSchema, SignatureVerifier and XmlSigner; routes' ReceiptIssuer), on documents of 2 KB, 50 KB and
 * 5 MB (before signing: a signature with its certificate adds 1.5 to 2.5 KB, so no signed document is as small as
 * 2 KB; the setup prints the signed size; see {@link BenchDocuments}) and RSA-2048, RSA-3072 and EC P-256 keys
 * made at setup.
 * Throughput per thread; run with {@code -t max} for all cores (the bound of BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 3)
public class PerMessageBenchmark {

    /** A signed document of a size, signed by a partner with a key of a kind, and the hub's receipt key. */
    @State(Scope.Benchmark)
    public static class Signed {
        @Param({"2KB", "50KB", "5MB"})
        public String size;

        @Param({"RSA-2048", "RSA-3072", "EC-P256"})
        public String key;

        byte[] document;
        PerMessageWork work;
        Credential hub;
        ReceivedHeader header;
        String digest;

        @Setup(Level.Trial)
        public void sign() throws Exception {
            BenchKey kind = BenchKey.parse(key);
            BenchPki pki = BenchPki.create();
            Credential partner = pki.issue("KAZ:SRC", kind);
            hub = pki.issue("KAZ:MLSP", kind);
            document = XmlSigner.sign(BenchDocuments.ofSize(BenchDocuments.parseSize(size), "KAZ:SRC", "AGR-KAZ-SRC"), partner);
            work = new PerMessageWork(pki.trust(), hub);
            Document parsed = PerMessageWork.parseAndValidate(document);
            header = ReceivedHeader.of(parsed);
            digest = Sha256.hex(document);
            work.verify(parsed); // fails the setup, not the measurement, if anything is wrong
            System.out.printf("%n[setup] %s document signed with %s: %,d bytes%n", size, key, document.length);
        }
    }

    /** Hardened parse and schema validation (no key involved: run it with one key, -p key=RSA-2048). */
    @Benchmark
    public Document parseAndValidate(Signed s) throws Exception {
        return PerMessageWork.parseAndValidate(s.document);
    }

    /** Parse, validate and verify the partner's signature and certificate path: the verifier's whole job. */
    @Benchmark
    public String parseValidateVerify(Signed s) throws Exception {
        return s.work.verify(PerMessageWork.parseAndValidate(s.document));
    }

    /** The hub's signed ACCEPTED receipt (its size does not depend on the document's). */
    @Benchmark
    public byte[] signReceipt(Signed s) {
        return s.work.receipt(s.header, s.digest);
    }

    /** All of it: parse + validate + verify + digest + receipt, per message. */
    @Benchmark
    public byte[] perMessage(Signed s) throws Exception {
        return s.work.accept(s.document);
    }

    /** Partner key / receipt key pairs of the issue, on 5 KB documents: the bound the load command compares with. */
    @State(Scope.Benchmark)
    public static class Pair {
        @Param({"RSA-2048/EC-P256", "RSA-2048/RSA-2048", "EC-P256/EC-P256", "RSA-3072/RSA-3072"})
        public String keys;

        byte[] document;
        PerMessageWork work;

        @Setup(Level.Trial)
        public void sign() throws Exception {
            String[] pair = keys.split("/");
            BenchPki pki = BenchPki.create();
            Credential partner = pki.issue("KOR:MOEL", BenchKey.parse(pair[0]));
            document = SignedDocuments.signed(5 * 1024, partner, "AGR-KOR-MOEL");
            work = new PerMessageWork(pki.trust(), pki.issue("KAZ:MLSP", BenchKey.parse(pair[1])));
            work.accept(document);
        }
    }

    /** parse + validate + verify + digest + receipt on a 5 KB document, per key pair. */
    @Benchmark
    public byte[] perMessage5KB(Pair p) throws Exception {
        return p.work.accept(p.document);
    }
}
