package com.spurlab.inference.train;

import java.nio.file.Path;

/**
 * What a finished training run produced.
 *
 * @param modelDir           folder with the DJL parameters and the SpurLab metadata
 * @param epochsCompleted    full passes over the training set
 * @param imagesSeen         training images processed (epochs x training set size)
 * @param imagesPerSecond    training throughput, forward + backward + update, decoding excluded
 * @param finalLoss          mean training loss of the last epoch
 * @param validationAccuracy accuracy on the validation set; NaN when none was given
 * @param device             where it ran, e.g. {@code cpu()} or {@code gpu(0)}
 */
public record TrainingResult(Path modelDir, int epochsCompleted, long imagesSeen, double imagesPerSecond, double finalLoss,
        double validationAccuracy, String device) {
}
