package com.spurlab.inference.edit;

import java.util.List;

/**
 * The figures of one confirmation run (DESIGN.md's {@code edits} result, extended).
 *
 * @param datasetVersionId the version edited
 * @param cue              the cue, as named
 * @param operation        the edit
 * @param split            the split edited
 * @param n                edited items
 * @param correctBefore    of those, originals the model classified correctly
 * @param flipped          of those, how many changed prediction under the edit
 * @param flipRate         flipped / correctBefore; NaN when nothing was correct
 * @param ciLow            Wilson 95 % interval of the flip rate, low end
 * @param ciHigh           high end
 * @param controlFlipRate  the same share under the control edit (same pixels changed, cue kept); NaN without controls
 * @param confirmed        {@code ciLow > controlFlipRate + margin}
 * @param margin           the margin used
 * @param controlN         correctly classified originals that got a control edit
 * @param controlFlipped   of those, how many flipped under it
 * @param controlCiLow     Wilson 95 % interval of the control flip rate, low end
 * @param controlCiHigh    high end
 * @param consistency      counterfactual consistency over all pairs (same prediction after the edit)
 * @param groups           consistency per group of the originals
 * @param pairs            every (original, edit) pair with predictions, in sample order
 * @param items            every edited image with its provenance: the EDITED version's items
 * @param report           lines for the reader: skipped samples and why, masks made by a model, controls not placed
 */
public record EditResult(long datasetVersionId, String cue, EditOperation operation, String split, int n,
        int correctBefore, int flipped, double flipRate, double ciLow, double ciHigh, double controlFlipRate,
        boolean confirmed, double margin, int controlN, int controlFlipped, double controlCiLow, double controlCiHigh,
        double consistency, List<GroupConsistency> groups, List<EditedPair> pairs, List<EditedItem> items,
        List<String> report) {

    public EditResult {
        groups = List.copyOf(groups);
        pairs = List.copyOf(pairs);
        items = List.copyOf(items);
        report = List.copyOf(report);
    }
}
