package com.spurlab.inference.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What a finished training run produced.
 *
 * @param modelDir                     folder with the DJL parameters and the SpurLab metadata
 * @param epochsCompleted              epochs of the final model's training phase (resumed ones included)
 * @param imagesSeen                   training images processed by this process (all phases)
 * @param imagesPerSecond              training throughput, forward + backward + update, decoding excluded
 * @param finalLoss                    mean training loss of the last epoch
 * @param validationAccuracy           accuracy on the validation set; NaN when none was given. For DFR: on the
 *                                     half of it that the head was not fitted on
 * @param device                       where it ran, e.g. {@code cpu()} or {@code gpu(0)}
 * @param resumedFromEpoch             epochs (all phases) already done by an earlier, interrupted process; 0 when none
 * @param selectedEpoch                the epoch of the final phase whose weights were kept
 * @param validationWorstGroupAccuracy worst-group accuracy on the validation set; NaN when none was given. For
 *                                     DFR: on the half it was not fitted on
 * @param validationUsedForFitting     true when the model was fitted on (part of) the validation split (DFR):
 *                                     figures measured later on the whole val split are in-sample, not validation
 * @param history                      one record per epoch this process ran, phase by phase (JTT: identify, then main)
 */
public record TrainingResult(Path modelDir, int epochsCompleted, long imagesSeen, double imagesPerSecond, double finalLoss,
        double validationAccuracy, String device, int resumedFromEpoch, int selectedEpoch,
        double validationWorstGroupAccuracy, boolean validationUsedForFitting, List<EpochRecord> history) {

    /** The walking skeleton's shape: a run that was not resumed and kept its last epoch. */
    public TrainingResult(Path modelDir, int epochsCompleted, long imagesSeen, double imagesPerSecond, double finalLoss,
            double validationAccuracy, String device) {
        this(modelDir, epochsCompleted, imagesSeen, imagesPerSecond, finalLoss, validationAccuracy, device, 0,
                epochsCompleted, Double.NaN, false, List.of());
    }
}
