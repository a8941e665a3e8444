package com.spurlab.inference.edit;

import java.nio.file.Path;

/**
 * An original and its edit side by side, with the model's two predictions (for the UI's before/after view).
 *
 * @param sampleId         the original's id
 * @param group            the original's group
 * @param label            the true label
 * @param originalFile     the original image
 * @param editedFile       the edited image
 * @param predictedBefore  the prediction on the original
 * @param predictedAfter   the prediction on the edit
 * @param correctBefore    the original was classified correctly
 * @param flipped          the prediction changed under the edit
 * @param controlFile      the control edit's image; {@code null} when the original was misclassified (only correct
 *                         originals count, so only they get one) or no control could be made
 * @param predictedControl the prediction on the control edit; -1 without one
 */
public record EditedPair(String sampleId, String group, int label, Path originalFile, Path editedFile,
        int predictedBefore, int predictedAfter, boolean correctBefore, boolean flipped, Path controlFile,
        int predictedControl) {

    /** The control edit changed the prediction. */
    public boolean controlFlipped() {
        return controlFile != null && predictedControl != predictedBefore;
    }
}
