package org.lmx.bench.load;

import java.util.Arrays;

/** Latencies in nanoseconds, recorded by one thread each, merged for percentiles. */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int count;

    void add(long nanos) {
        if (count == values.length) {
            values = Arrays.copyOf(values, count * 2);
        }
        values[count++] = nanos;
    }

    int count() {
        return count;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.count; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.count);
        return all;
    }

    /** The p-th percentile (0..100) in milliseconds of a merged (sorted) set; NaN when empty. */
    double percentileMillis(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return values[Math.max(0, Math.min(count - 1, index))] / 1_000_000.0;
    }

    String summary() {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", percentileMillis(50),
                percentileMillis(95), percentileMillis(99), percentileMillis(100));
    }
}
