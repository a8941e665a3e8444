package com.spurlab.inference.eval;

import java.util.List;

/**
 * Metrics of one split, defined in DESIGN.md "Metric definitions".
 *
 * @param n                    samples
 * @param accuracy             correct / n
 * @param worstGroupAccuracy   minimum per-group accuracy over groups with n &gt;= 1
 * @param worstGroup           the group that attains it (first by name on ties)
 * @param worstGroupCiLow      lower end of the bootstrap 95 % interval of the worst-group accuracy
 * @param worstGroupCiHigh     upper end of that interval
 * @param averageGroupAccuracy unweighted mean of per-group accuracies
 * @param gap                  accuracy - worst-group accuracy
 * @param groups               per-group accuracies, sorted by group name
 */
public record EvaluationReport(int n, double accuracy, double worstGroupAccuracy, String worstGroup, double worstGroupCiLow,
        double worstGroupCiHigh, double averageGroupAccuracy, double gap, List<GroupAccuracy> groups) {

    public EvaluationReport {
        groups = List.copyOf(groups);
    }
}
