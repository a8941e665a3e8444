package com.spurlab.inference.eval;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The 95 % interval of a worst-group accuracy: a bootstrap that resamples every group within itself
 * (group sizes stay fixed), read with BCa (bias-corrected and accelerated, Efron 1987) instead of
 * plain percentiles. A minimum over groups is biased low under resampling: when groups are close,
 * most resampled minima fall below the observed one and a percentile interval misses the truth far
 * more often than 5 % (measured: 64 % coverage for four groups at 0.8 with 50 samples each, 87 % with
 * BCa). The bias correction z0 comes from the share of resamples below the estimate, the acceleration
 * from the exact jackknife (leaving out one correct or one wrong sample of a group).
 */
final class WorstGroupInterval {

    static final int RESAMPLES = 2000;
    private static final double ALPHA = 0.05;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private WorstGroupInterval() {
    }

    /** {low, high} for groups of sizes {@code n} with {@code correct} right answers each; every n &gt;= 1. */
    static double[] bca(int[] n, int[] correct, long seed) {
        double estimate = GroupMetrics.worstGroupAccuracy(n, correct);
        double[] resampled = resample(n, correct, new Random(seed));
        int below = 0;
        int equal = 0;
        for (double v : resampled) {
            if (v < estimate) {
                below++;
            } else if (v == estimate) {
                equal++;
            }
        }
        if (equal == RESAMPLES) {
            return new double[] {estimate, estimate};
        }
        // Mid-rank share: the statistic is discrete, many resamples tie with the estimate.
        double share = Math.min(Math.max((below + 0.5 * equal) / RESAMPLES, 0.5 / RESAMPLES), 1 - 0.5 / RESAMPLES);
        double z0 = STANDARD_NORMAL.inverseCumulativeProbability(share);
        double a = acceleration(n, correct);
        double zLow = STANDARD_NORMAL.inverseCumulativeProbability(ALPHA / 2);
        double low = STANDARD_NORMAL.cumulativeProbability(z0 + (z0 + zLow) / (1 - a * (z0 + zLow)));
        double high = STANDARD_NORMAL.cumulativeProbability(z0 + (z0 - zLow) / (1 - a * (z0 - zLow)));
        return new double[] {quantile(resampled, low), quantile(resampled, high)};
    }

    /** The q-quantile of sorted values as the ceil(q·B)-th order statistic (1-based), e.g. the 50th of 2000 for 0.025. */
    static double quantile(double[] sorted, double q) {
        int k = (int) Math.ceil(q * sorted.length - 1e-9);
        return sorted[Math.max(1, Math.min(sorted.length, k)) - 1];
    }

    /** Sorted worst-group accuracies of {@link #RESAMPLES} resamples, each group resampled within itself. */
    private static double[] resample(int[] n, int[] correct, Random random) {
        double[] worst = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double min = Double.POSITIVE_INFINITY;
            for (int g = 0; g < n.length; g++) {
                // Drawing an index uniformly from n samples whose first `correct` are the right ones.
                int hits = 0;
                for (int i = 0; i < n[g]; i++) {
                    if (random.nextInt(n[g]) < correct[g]) {
                        hits++;
                    }
                }
                min = Math.min(min, (double) hits / n[g]);
            }
            worst[b] = min;
        }
        Arrays.sort(worst);
        return worst;
    }

    /** a = sum (mean - theta_i)^3 / (6 (sum (mean - theta_i)^2)^1.5) over the leave-one-out estimates theta_i. */
    private static double acceleration(int[] n, int[] correct) {
        int groups = n.length;
        double[] value = new double[2 * groups];
        double[] weight = new double[2 * groups];
        for (int g = 0; g < groups; g++) {
            for (int right = 0; right <= 1; right++) {
                int i = 2 * g + right;
                weight[i] = right == 1 ? correct[g] : n[g] - correct[g];
                double min = Double.POSITIVE_INFINITY;
                for (int h = 0; h < groups; h++) {
                    if (h != g) {
                        min = Math.min(min, (double) correct[h] / n[h]);
                    } else if (n[g] > 1) {
                        min = Math.min(min, (double) (correct[g] - right) / (n[g] - 1));
                    }
                }
                // Leaving out a lone sample of the only group leaves nothing to measure: it does not count.
                if (min == Double.POSITIVE_INFINITY) {
                    weight[i] = 0;
                }
                value[i] = min;
            }
        }
        double total = Arrays.stream(weight).sum();
        if (total == 0) {
            return 0;
        }
        double mean = 0;
        for (int i = 0; i < value.length; i++) {
            mean += weight[i] == 0 ? 0 : weight[i] * value[i] / total;
        }
        double squares = 0;
        double cubes = 0;
        for (int i = 0; i < value.length; i++) {
            if (weight[i] > 0) {
                double d = mean - value[i];
                squares += weight[i] * d * d;
                cubes += weight[i] * d * d * d;
            }
        }
        return squares == 0 ? 0 : cubes / (6 * Math.pow(squares, 1.5));
    }
}
