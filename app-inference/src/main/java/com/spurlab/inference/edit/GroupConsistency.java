package com.spurlab.inference.edit;

/**
 * Counterfactual consistency of one group: the share of its (original, edited) pairs with the same prediction; and
 * the group's flip rate against its control's, each with its interval.
 *
 * @param group         the originals' group
 * @param n             pairs in the group
 * @param consistent    pairs whose prediction survived the edit
 * @param consistency   consistent / n
 * @param correctBefore originals of the group classified correctly
 * @param flipped       of those, how many flipped
 * @param flipRate      flipped / correctBefore; NaN when none was correct
 * @param ciLow         its Wilson 95 % interval, low end (NaN when none was correct)
 * @param ciHigh        high end
 * @param controlN      correct originals of the group with a control edit
 * @param controlFlipped of those, how many flipped under the control
 * @param controlFlipRate controlFlipped / controlN; NaN without controls
 * @param controlCiLow  its Wilson 95 % interval, low end
 * @param controlCiHigh high end
 */
public record GroupConsistency(String group, int n, int consistent, double consistency, int correctBefore,
        int flipped, double flipRate, double ciLow, double ciHigh, int controlN, int controlFlipped,
        double controlFlipRate, double controlCiLow, double controlCiHigh) {
}
