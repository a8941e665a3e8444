package com.spurlab.inference.audit;

import java.util.List;

/**
 * Per-group accuracy, per-class TPR and FPR across attribute values, and the largest gaps.
 *
 * @param overall            accuracy of the split with its Wilson interval
 * @param worstGroupAccuracy DESIGN.md's worst-group accuracy (the same figure {@code GroupMetrics} computes)
 * @param worstGroup         the group that attains it
 * @param accuracy           DESIGN.md's gap: accuracy - worst-group accuracy
 * @param tpr                the largest TPR difference between two attribute values of one class
 * @param fpr                the largest FPR difference between two attribute values of one class
 * @param groups             every group, by name
 * @param rates              every class × attribute value, by class then value
 * @param resamples          bootstrap resamples behind the gaps' intervals
 */
public record GapReport(Proportion overall, double worstGroupAccuracy, String worstGroup, Gap accuracy, Gap tpr, Gap fpr,
        List<GroupRates> groups, List<ClassRates> rates, int resamples) {

    public GapReport {
        groups = List.copyOf(groups);
        rates = List.copyOf(rates);
    }
}
