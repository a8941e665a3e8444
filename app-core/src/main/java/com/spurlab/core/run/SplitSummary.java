package com.spurlab.core.run;

/**
 * A split's headline figures without its groups, for tables of many runs (one query for all of them).
 *
 * @param groupBy the attributes that define the groups, comma-separated; empty for label groups
 */
public record SplitSummary(long runId, String split, int n, double accuracy, double worstGroupAccuracy,
                           String worstGroup, double worstGroupCiLow, double worstGroupCiHigh,
                           double averageGroupAccuracy, double gap, String groupBy) {
}
