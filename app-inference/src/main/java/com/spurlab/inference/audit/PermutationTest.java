package com.spurlab.inference.audit;

import java.util.SplittableRandom;

/**
 * The one-sided permutation test of an association test (Caliskan et al. 2017; the iEAT and sent-bias
 * code). The values s(w, A, B) are computed once; a re-partition of X ∪ Y into |X| and |Y| items is then
 * judged by the sum of s over its X part alone, because for fixed sizes the sum over X' decides the
 * difference of means: mean_X' - mean_Y' = sum_X' (1/|X| + 1/|Y|) - total / |Y| rises with sum_X'.
 */
final class PermutationTest {

    /**
     * @param pValue     share of partitions whose X-sum is at least the observed one (ties count, as in iEAT)
     * @param exact      true when every partition was enumerated
     * @param partitions partitions enumerated, or random partitions drawn
     */
    record Outcome(double pValue, boolean exact, long partitions) {
    }

    private PermutationTest() {
    }

    /**
     * Tests whether the first {@code nx} of {@code values} (the X items; the rest are Y) have a larger
     * sum than a random re-partition would give. When C(n, nx) is at most {@code exactLimit} every
     * partition is enumerated (the observed one included) and p = count(sum' >= sum) / C(n, nx).
     * Otherwise {@code permutations} uniform random partitions are drawn from
     * {@code new SplittableRandom(seed)} and p = (1 + count(sum' >= sum)) / (1 + permutations): the
     * observed partition counts once, so p is never 0 (Phipson and Smyth 2010; iEAT adds the same one).
     */
    static Outcome oneSided(double[] values, int nx, long exactLimit, int permutations, long seed) {
        int n = values.length;
        if (nx < 1 || nx >= n) {
            throw new IllegalArgumentException("both target sets need items: " + nx + " of " + n);
        }
        double observed = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale += Math.abs(values[i]);
            if (i < nx) {
                observed += values[i];
            }
        }
        // Sums of the same items in another order differ in the last bits; such a partition is a tie.
        double threshold = observed - 1e-12 * Math.max(scale, Double.MIN_NORMAL);
        long partitions = binomial(n, nx, exactLimit);
        if (partitions <= exactLimit) {
            return new Outcome((double) countExact(values, nx, threshold) / partitions, true, partitions);
        }
        if (permutations < 1) {
            throw new IllegalArgumentException("permutations must be at least 1, got " + permutations);
        }
        return new Outcome((1.0 + countSampled(values, nx, threshold, permutations, seed)) / (1.0 + permutations), false,
                permutations);
    }

    /** C(n, k), or {@code cap + 1} as soon as it exceeds {@code cap} (so no overflow). */
    static long binomial(int n, int k, long cap) {
        int r = Math.min(k, n - k);
        long c = 1;
        for (int i = 1; i <= r; i++) {
            // c * (n - r + i) / i stays whole at every step: it is C(n - r + i, i).
            c = c * (n - r + i) / i;
            if (c > cap) {
                return cap + 1;
            }
        }
        return c;
    }

    private static long countExact(double[] values, int nx, double threshold) {
        int n = values.length;
        int[] chosen = new int[nx];
        for (int i = 0; i < nx; i++) {
            chosen[i] = i;
        }
        long count = 0;
        while (true) {
            double sum = 0;
            for (int i : chosen) {
                sum += values[i];
            }
            if (sum >= threshold) {
                count++;
            }
            // Next combination in lexicographic order: raise the rightmost index that can still rise.
            int i = nx - 1;
            while (i >= 0 && chosen[i] == n - nx + i) {
                i--;
            }
            if (i < 0) {
                return count;
            }
            chosen[i]++;
            for (int j = i + 1; j < nx; j++) {
                chosen[j] = chosen[j - 1] + 1;
            }
        }
    }

    private static long countSampled(double[] values, int nx, double threshold, int permutations, long seed) {
        int n = values.length;
        double total = 0;
        for (double v : values) {
            total += v;
        }
        // Draw the smaller side: sum_X' = total - sum_Y', and a partial shuffle costs its size.
        boolean drawX = nx <= n - nx;
        int draw = drawX ? nx : n - nx;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        long count = 0;
        for (int p = 0; p < permutations; p++) {
            double sum = 0;
            // A partial Fisher-Yates shuffle: its first `draw` slots are a uniform random subset.
            for (int i = 0; i < draw; i++) {
                int j = i + random.nextInt(n - i);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
                sum += values[order[i]];
            }
            double sumX = drawX ? sum : total - sum;
            if (sumX >= threshold) {
                count++;
            }
        }
        return count;
    }
}
