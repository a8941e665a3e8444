package com.spurlab.core.edit;

import java.util.List;

/**
 * An EDIT run's figures, as stored in the run's details and served by {@code GET /api/v1/runs/{id}/edits}: DESIGN.md's
 * {@code {datasetVersionId, cue, operation, split, n, correctBefore, flipped, flipRate, ciLow, ciHigh, controlFlipRate,
 * confirmed}} at those names, then the extensions: the control's interval, the margin, counterfactual consistency
 * overall and per group, the verdict in words and the run's report lines. A rate that does not exist (nothing classified
 * correctly, no control placed) is {@code null}. The pairs themselves are rows ({@link EditPair}), not details.
 *
 * @param datasetVersionId the EDITED version: the split's images replaced by their edits, the other splits shared
 * @param n                edited images
 * @param correctBefore    of those, originals the model classified correctly
 * @param flipped          of those, how many changed prediction under the edit
 * @param flipRate         flipped / correctBefore
 * @param ciLow            Wilson 95 % interval of the flip rate
 * @param controlFlipRate  the same share under the control edit (same pixels changed, cue kept)
 * @param confirmed        {@code ciLow > controlFlipRate + margin}: the flips are the cue's, not the edit's
 * @param sourceVersionId  the version whose images were edited (never modified)
 * @param cueFrom          how the cue was chosen: named in the plan, an EXTRACT run's top cue, the composition
 * @param controlN         correctly classified originals that got a control edit
 * @param consistency      share of all pairs whose prediction survived the edit
 * @param groups           the same figures per group of the originals (label × the cue's value)
 * @param verdict          the confirmation in plain words
 * @param notEdited        images of the split that were not edited (another value of the cue, no mask ...)
 * @param report           lines for the reader: skipped images and why, masks made by a model, controls not placed
 */
public record EditSetResult(long datasetVersionId, String cue, String operation, String split, int n,
        int correctBefore, int flipped, Double flipRate, Double ciLow, Double ciHigh, Double controlFlipRate,
        boolean confirmed, long sourceVersionId, String cueFrom, double margin, int controlN, int controlFlipped,
        Double controlCiLow, Double controlCiHigh, Double consistency, List<GroupFigures> groups, String verdict,
        int notEdited, List<String> report) {

    public EditSetResult {
        groups = groups == null ? List.of() : List.copyOf(groups);
        report = report == null ? List.of() : List.copyOf(report);
    }

    /**
     * One group's figures.
     *
     * @param n           pairs of the group
     * @param consistent  pairs whose prediction survived the edit
     * @param flipRate    flipped / correctBefore with its Wilson 95 % interval
     * @param controlN    correct originals of the group with a control edit, and how many of those flipped
     */
    public record GroupFigures(String group, int n, int consistent, Double consistency, int correctBefore, int flipped,
            Double flipRate, Double ciLow, Double ciHigh, int controlN, int controlFlipped, Double controlFlipRate,
            Double controlCiLow, Double controlCiHigh) {
    }
}
