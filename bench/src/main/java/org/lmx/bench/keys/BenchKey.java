package org.lmx.bench.keys;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.lmx.connectors.pki.KeyAlgorithm;

/** The key kinds the benchmarks compare, by the names the issue and BENCHMARKS.md use. */
public enum BenchKey {
    RSA_2048("RSA-2048", KeyAlgorithm.RSA_2048),
    RSA_3072("RSA-3072", KeyAlgorithm.RSA_3072),
    EC_P256("EC-P256", KeyAlgorithm.EC_P256);

    private final String label;
    private final KeyAlgorithm algorithm;

    BenchKey(String label, KeyAlgorithm algorithm) {
        this.label = label;
        this.algorithm = algorithm;
    }

    public String label() {
        return label;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** RSA-2048, RSA-3072, EC-P256 (also rsa2048, ec, as {@code lmx pki issue --alg} writes them). */
    public static BenchKey parse(String name) {
        for (BenchKey key : values()) {
            if (key.label.equalsIgnoreCase(name) || key.algorithm.cliName().equalsIgnoreCase(name)) {
                return key;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a key kind; use one of "
                + Arrays.stream(values()).map(BenchKey::label).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return label;
    }
}
