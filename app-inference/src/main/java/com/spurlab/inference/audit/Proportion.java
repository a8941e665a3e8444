package com.spurlab.inference.audit;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * A share with its Wilson score 95 % interval (Apache Commons Statistics), which stays inside [0, 1] and behaves
 * at 0 and n (where the normal approximation collapses to a zero-width interval).
 *
 * @param successes the counted events
 * @param n         the trials; 0 gives a NaN value and the interval [0, 1]
 * @param value     successes / n
 * @param tooSmall  {@code n < 20}, DESIGN.md's threshold below which a group's figure is not to be trusted
 */
public record Proportion(int successes, int n, double value, double ciLow, double ciHigh, boolean tooSmall) {

    /** Groups with fewer samples are flagged (DESIGN.md, "worst-group accuracy"). */
    public static final int TOO_SMALL = 20;
    /** A 95 % interval. */
    private static final double ALPHA = 0.05;

    public Proportion {
        if (n < 0 || successes < 0 || successes > n) {
            throw new IllegalArgumentException("a proportion needs 0 <= successes <= n, got " + successes + " of " + n);
        }
    }

    public static Proportion of(int successes, int n) {
        if (n == 0) {
            return new Proportion(0, 0, Double.NaN, 0, 1, true);
        }
        Interval wilson = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, successes, ALPHA);
        // At p = 0 or 1 the bound is exactly 0 or 1; rounding would leave it a hair off.
        double low = successes == 0 ? 0 : wilson.getLowerBound();
        double high = successes == n ? 1 : wilson.getUpperBound();
        return new Proportion(successes, n, (double) successes / n, low, high, n < TOO_SMALL);
    }
}
