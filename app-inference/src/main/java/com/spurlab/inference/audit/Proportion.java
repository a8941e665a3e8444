package com.spurlab.inference.audit;

/**
 * A share with its Wilson score 95 % interval, which stays inside [0, 1] and behaves at 0 and n
 * (where the normal approximation collapses to a zero-width interval).
 *
 * @param successes the counted events
 * @param n         the trials; 0 gives a NaN value and the interval [0, 1]
 * @param value     successes / n
 * @param tooSmall  {@code n < 20}, DESIGN.md's threshold below which a group's figure is not to be trusted
 */
public record Proportion(int successes, int n, double value, double ciLow, double ciHigh, boolean tooSmall) {

    /** Groups with fewer samples are flagged (DESIGN.md, "worst-group accuracy"). */
    public static final int TOO_SMALL = 20;
    /** The 97.5 % quantile of the standard normal. */
    static final double Z95 = 1.959963984540054;

    public Proportion {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= n, got " + successes + " of " + n);
        }
    }

    public static Proportion of(int successes, int n) {
        if (n == 0) {
            return new Proportion(0, 0, Double.NaN, 0, 1, true);
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At p = 0 or 1 the bound is exactly 0 or 1; rounding would leave it a hair off.
        double low = successes == 0 ? 0 : Math.max(0, centre - half);
        double high = successes == n ? 1 : Math.min(1, centre + half);
        return new Proportion(successes, n, p, low, high, n < TOO_SMALL);
    }
}
