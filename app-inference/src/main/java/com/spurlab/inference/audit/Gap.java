package com.spurlab.inference.audit;

/**
 * The largest difference of a rate between two groups, with a percentile bootstrap 95 % interval.
 *
 * @param metric   {@code accuracy}, {@code tpr} or {@code fpr}
 * @param value    the gap; NaN when there is nothing to compare (a single attribute value)
 * @param label    the class the rate is of (one-vs-rest), or {@code null} for accuracy
 * @param higher   where the rate is highest: an attribute value, or {@code "all"} for accuracy
 * @param lower    where it is lowest: an attribute value, or the worst group for accuracy
 * @param tooSmall true when either side has fewer than {@value Proportion#TOO_SMALL} samples
 */
public record Gap(String metric, double value, double ciLow, double ciHigh, String label, String higher, String lower,
        boolean tooSmall) {

    static Gap none(String metric) {
        return new Gap(metric, Double.NaN, Double.NaN, Double.NaN, null, null, null, false);
    }
}
