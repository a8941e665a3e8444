package com.spurlab.inference.eval;

/**
 * Accuracy within one group, always with its count.
 *
 * @param tooSmall true when {@code n < 20}: too few samples to trust the number
 */
public record GroupAccuracy(String group, int n, int correct, double accuracy, boolean tooSmall) {
}
