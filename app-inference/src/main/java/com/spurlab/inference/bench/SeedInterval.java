package com.spurlab.inference.bench;

import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The mean of per-seed figures with its two-sided 95 % Student t-interval, for any number of seeds
 * (the interval needs at least two; with one it is NaN).
 */
record SeedInterval(int seeds, double mean, double low, double high) {

    static SeedInterval of(double[] values) {
        int n = values.length;
        double mean = Arrays.stream(values).average().orElse(Double.NaN);
        if (n < 2) {
            return new SeedInterval(n, mean, Double.NaN, Double.NaN);
        }
        double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(variance / n);
        return new SeedInterval(n, mean, mean - half, mean + half);
    }

    @Override
    public String toString() {
        return seeds < 2 ? String.format(Locale.ROOT, "%.3f", mean)
                : String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", mean, low, high);
    }
}
