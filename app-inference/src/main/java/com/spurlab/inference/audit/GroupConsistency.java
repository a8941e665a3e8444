package com.spurlab.inference.audit;

/**
 * Counterfactual consistency within one group.
 *
 * @param consistency pairs whose edited prediction equals the original one
 * @param control     the same share for the control edit; {@code null} without control edits
 */
public record GroupConsistency(String group, Proportion consistency, Proportion control) {
}
