package com.spurlab.core.run;

import java.util.List;

/** The metrics of DESIGN.md for one split: accuracy, worst-group accuracy with its 95 % interval, groups. */
public record SplitEvaluation(String split, int n, double accuracy, double worstGroupAccuracy, String worstGroup,
                              double worstGroupCiLow, double worstGroupCiHigh, double averageGroupAccuracy,
                              double gap, String groupBy, List<GroupResult> groups) {
}
