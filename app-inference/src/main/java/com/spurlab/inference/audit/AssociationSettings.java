package com.spurlab.inference.audit;

/**
 * How an association test's p-value and interval are computed.
 *
 * @param exactLimit   enumerate every partition when there are at most this many (1..10 000 000)
 * @param permutations random partitions otherwise (at least 1 000)
 * @param resamples    bootstrap resamples for the effect size's interval (at least 200)
 * @param seed         seeds the random partitions and the bootstrap
 */
public record AssociationSettings(long exactLimit, int permutations, int resamples, long seed) {

    public AssociationSettings {
        if (exactLimit < 1 || exactLimit > 10_000_000) {
            throw new IllegalArgumentException("exactLimit must be between 1 and 10 000 000, got " + exactLimit);
        }
        if (permutations < 1_000) {
            throw new IllegalArgumentException("permutations must be at least 1 000, got " + permutations);
        }
        if (resamples < 200) {
            throw new IllegalArgumentException("resamples must be at least 200, got " + resamples);
        }
    }

    /** Exact up to 100 000 partitions, else 10 000 random ones; 1 000 bootstrap resamples. */
    public static AssociationSettings defaults(long seed) {
        return new AssociationSettings(100_000, 10_000, 1_000, seed);
    }
}
