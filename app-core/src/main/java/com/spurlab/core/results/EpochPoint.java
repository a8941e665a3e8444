package com.spurlab.core.results;

/**
 * One epoch of a training run's learning curves (from its details' {@code history}); figures that were not
 * measured are null.
 *
 * @param phase {@code main}, or JTT's {@code identify}
 */
public record EpochPoint(String phase, int epoch, Double trainLoss, Double trainAccuracy, Double validationAccuracy,
                         Double validationWorstGroupAccuracy) {
}
