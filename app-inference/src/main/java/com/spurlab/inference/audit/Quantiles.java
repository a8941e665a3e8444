package com.spurlab.inference.audit;

/** The bounds of a percentile 95 % interval, read the way {@code GroupMetrics} reads its bootstrap. */
final class Quantiles {

    private Quantiles() {
    }

    /** The 2.5 % point of sorted values. */
    static double lower(double[] sorted) {
        return sorted[(int) (0.025 * sorted.length)];
    }

    /** The 97.5 % point of sorted values. */
    static double upper(double[] sorted) {
        return sorted[(int) Math.ceil(0.975 * sorted.length) - 1];
    }
}
