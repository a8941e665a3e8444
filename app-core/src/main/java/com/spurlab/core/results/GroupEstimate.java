package com.spurlab.core.results;

import com.spurlab.core.run.GroupResult;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * A group's accuracy with its 95 % Wilson score interval (Commons Statistics) and its count; a group with
 * fewer than 20 samples is flagged too small to trust.
 */
public record GroupEstimate(String group, int n, int correct, double accuracy, double low, double high,
                            boolean tooSmall) {

    public static GroupEstimate of(GroupResult g) {
        if (g.n() == 0) {
            return new GroupEstimate(g.group(), 0, 0, g.accuracy(), 0, 1, true);
        }
        Interval wilson = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(g.n(), g.correct(), 0.05);
        // The library's bound at x = n comes out a hair under 1; the exact bound is 1 (and 0 at x = 0).
        double low = g.correct() == 0 ? 0 : wilson.getLowerBound();
        double high = g.correct() == g.n() ? 1 : wilson.getUpperBound();
        return new GroupEstimate(g.group(), g.n(), g.correct(), g.accuracy(), low, high, g.tooSmall());
    }
}
