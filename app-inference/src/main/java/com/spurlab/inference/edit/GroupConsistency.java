package com.spurlab.inference.edit;

/**
 * Counterfactual consistency of one group: the share of its (original, edited) pairs with the same prediction.
 *
 * @param group         the originals' group
 * @param n             pairs in the group
 * @param consistent    pairs whose prediction survived the edit
 * @param consistency   consistent / n
 * @param correctBefore originals of the group classified correctly
 * @param flipped       of those, how many flipped
 */
public record GroupConsistency(String group, int n, int consistent, double consistency, int correctBefore,
        int flipped) {
}
