package com.spurlab.inference.audit;

import java.util.List;

/**
 * DESIGN.md's counterfactual consistency: the share of (original, edited) pairs with the same prediction.
 *
 * @param overall     over all pairs, with its Wilson interval
 * @param control     the share for the control edits, {@code null} when there were none: a cue edit that
 *                    flips far more predictions than a control edit of the same area shows the cue's effect,
 *                    not the edit's
 * @param groups      per group, by name
 * @param lowestGroup the group with the lowest consistency (first by name on ties)
 */
public record ConsistencyReport(Proportion overall, Proportion control, List<GroupConsistency> groups, String lowestGroup) {

    public ConsistencyReport {
        groups = List.copyOf(groups);
    }
}
