package com.spurlab.inference.eval;

/**
 * One confidence bin of a reliability diagram (the bins the expected calibration error sums over).
 *
 * @param low            the bin's lower confidence bound (inclusive)
 * @param high           its upper bound
 * @param n              predictions whose confidence falls in it
 * @param meanConfidence their mean confidence
 * @param accuracy       the share of them that is correct
 */
public record CalibrationBin(double low, double high, int n, double meanConfidence, double accuracy) {
}
