package com.spurlab.inference.audit;

import java.nio.file.Path;

/**
 * One label-keeping edit of a sample of the audited split, from an EDIT run (its {@code EditedPair}).
 *
 * @param sampleId    the original sample
 * @param editedFile  the image with the cue removed or swapped
 * @param controlFile the control edit (an area of the same size elsewhere), or {@code null}
 */
public record EditedImage(String sampleId, Path editedFile, Path controlFile) {

    public EditedImage {
        if (sampleId == null || editedFile == null) {
            throw new IllegalArgumentException("an edited image needs its original sample id and its file");
        }
    }
}
