package com.spurlab.inference.edit;

import java.util.List;

/**
 * What one confirmation run edits and how it judges.
 *
 * @param datasetVersionId the version the samples belong to (echoed in the result)
 * @param cue              the cue's name (DESIGN.md): {@code attribute:<name>[=<value>]}, {@code keyword:<word>},
 *                         {@code text:<word>} or {@code mask}
 * @param operation        the edit
 * @param split            the split whose images are edited (DESIGN's default: test)
 * @param margin           the cue is confirmed when the flip rate's 95 % interval starts more than this above
 *                         the control's flip rate, 0..1 (default 0.05)
 * @param seed             seeds the choice of donors and control places; each edit records its own seed
 * @param cueLabel         the label the cue goes with (for ADD_CUE: images of the other labels get it); {@code null}
 *                         infers it as the label whose training images carry the cue most often
 */
public record EditRequest(long datasetVersionId, String cue, EditOperation operation, String split, double margin,
        long seed, Integer cueLabel) {

    public static final double DEFAULT_MARGIN = 0.05;

    public EditRequest {
        if (cue == null || cue.isBlank()) {
            throw new IllegalArgumentException("cue is missing: name one such as attribute:background or text:sale");
        }
        if (operation == null) {
            throw new IllegalArgumentException("operation is missing: one of " + List.of(EditOperation.values()));
        }
        if (split == null || split.isBlank()) {
            throw new IllegalArgumentException("split is missing: train, val or test");
        }
        if (!(margin >= 0 && margin < 1)) {
            throw new IllegalArgumentException("margin must be at least 0 and below 1, got " + margin);
        }
    }

    /** The test split, margin 0.05, seed 42, cue label inferred. */
    public static EditRequest of(long datasetVersionId, String cue, EditOperation operation) {
        return new EditRequest(datasetVersionId, cue, operation, "test", DEFAULT_MARGIN, 42L, null);
    }

    public EditRequest withSplit(String s) {
        return new EditRequest(datasetVersionId, cue, operation, s, margin, seed, cueLabel);
    }

    public EditRequest withCueLabel(Integer label) {
        return new EditRequest(datasetVersionId, cue, operation, split, margin, seed, label);
    }
}
