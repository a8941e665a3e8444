package com.spurlab.inference.train;

/**
 * The figures of one training epoch, for learning curves.
 *
 * @param phase                        {@code main}, or JTT's {@code identify} (the first model, whose errors are upweighted)
 * @param epoch                        1-based epoch within its phase
 * @param trainLoss                    mean unweighted training loss over the epoch's batches
 * @param trainAccuracy                training accuracy over the epoch's batches (augmented images, weights changing)
 * @param validationAccuracy           accuracy on the validation set after the epoch; NaN when not scored (no val
 *                                     split, or selection LAST, which needs no score)
 * @param validationWorstGroupAccuracy worst-group accuracy on the validation set after the epoch; NaN when not scored
 */
public record EpochRecord(String phase, int epoch, double trainLoss, double trainAccuracy, double validationAccuracy,
        double validationWorstGroupAccuracy) {
}
