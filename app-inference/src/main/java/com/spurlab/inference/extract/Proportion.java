package com.spurlab.inference.extract;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;

/**
 * {@code k} events out of {@code n} trials with its Wilson score 95 % interval (Apache Commons Statistics, the one
 * implementation every module uses), and the two comparisons the cue scores use: Newcombe's hybrid-score interval of a
 * difference, Katz's log interval of a ratio.
 */
record Proportion(int k, int n) {

    /** Two-sided 95 % normal quantile. */
    static final double Z = 1.959963984540054;
    /** Intervals are 95 %. */
    private static final double ALPHA = 0.05;

    Proportion {
        if (n < 0 || k < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, got " + k + "/" + n);
        }
    }

    double rate() {
        return n == 0 ? 0 : (double) k / n;
    }

    /** Wilson's lower 95 % bound; exactly 0 with no events (rounding would leave 1e-16 off). */
    double low() {
        return k == 0 ? 0 : BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, k, ALPHA).getLowerBound();
    }

    /** Wilson's upper 95 % bound; exactly 1 when every trial is an event, and for no trials. */
    double high() {
        return k == n ? 1 : BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, k, ALPHA).getUpperBound();
    }

    /** Newcombe's (1998, method 10) 95 % interval of {@code this.rate() - other.rate()}, from both Wilson intervals. */
    Interval minus(Proportion other) {
        double d = rate() - other.rate();
        double low = d - Math.sqrt(sq(rate() - low()) + sq(other.high() - other.rate()));
        double high = d + Math.sqrt(sq(high() - rate()) + sq(other.rate() - other.low()));
        return new Interval(d, low, high);
    }

    /**
     * The ratio {@code this.rate() / other.rate()} with Katz's log 95 % interval. When a count is 0 or
     * equals its n, 0.5 is added to every cell of the 2x2 table (Haldane), so the ratio stays finite.
     */
    Interval over(Proportion other) {
        double a = k;
        double b = n - k;
        double c = other.k;
        double d = other.n - other.k;
        if (a == 0 || b == 0 || c == 0 || d == 0) {
            a += 0.5;
            b += 0.5;
            c += 0.5;
            d += 0.5;
        }
        double ratio = (a / (a + b)) / (c / (c + d));
        double se = Math.sqrt(1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
        return new Interval(ratio, ratio * Math.exp(-Z * se), ratio * Math.exp(Z * se));
    }

    private static double sq(double v) {
        return v * v;
    }

    /** An estimate with its 95 % interval. */
    record Interval(double estimate, double low, double high) {
    }
}
