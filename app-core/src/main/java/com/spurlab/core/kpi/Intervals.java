package com.spurlab.core.kpi;

import com.spurlab.core.run.GroupResult;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * 95 % intervals of the split figures that the evaluation does not bring with it (it brings the
 * bootstrap interval of the worst-group accuracy).
 */
final class Intervals {

    private static final double Z = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.975);

    private Intervals() {
    }

    /** Wilson's score interval of a proportion (Commons Statistics): sound near 0 and 1, where the normal one collapses. */
    static Figure wilson(int correct, int n) {
        if (n == 0) {
            return new Figure(Double.NaN, 0, 1);
        }
        Interval wilson = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, correct, 0.05);
        return new Figure((double) correct / n, wilson.getLowerBound(), wilson.getUpperBound());
    }

    /**
     * The unweighted mean of independent group accuracies, with a normal interval whose variance uses
     * Agresti–Coull's (c + 2) / (n + 4) per group, so a perfect group still carries its sampling noise.
     */
    static Figure averageOfGroups(List<GroupResult> groups, double mean) {
        double variance = 0;
        for (GroupResult g : groups) {
            double p = (g.correct() + 2.0) / (g.n() + 4.0);
            variance += p * (1 - p) / (g.n() + 4.0);
        }
        double half = Z * Math.sqrt(variance) / groups.size();
        return new Figure(mean, Math.max(0, mean - half), Math.min(1, mean + half));
    }

    /**
     * accuracy − worst-group accuracy, with the interval that holds whenever both intervals hold
     * (conservative: the two figures share samples, so no tighter joint interval is claimed).
     */
    static Figure gap(Figure accuracy, Figure worstGroup, double gap) {
        return new Figure(gap, Math.max(0, accuracy.low() - worstGroup.high()),
                Math.min(1, accuracy.high() - worstGroup.low()));
    }
}
