package io.herald.bench.harness;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of latencies, in milliseconds (nearest-rank). */
record Stats(int count, double p50, double p95, double p99, double max) {

    static Stats ofNanos(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
