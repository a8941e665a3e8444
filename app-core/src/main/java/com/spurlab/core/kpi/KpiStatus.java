package com.spurlab.core.kpi;

import java.util.List;

/**
 * One KPI of a project: the target, and the baseline, latest and best snapshots of one comparable scope
 * (null before any evaluation). {@code best} is the model chosen by validation worst-group accuracy
 * among the latest evaluation of each experiment — never by a test figure. {@code status} judges the
 * best (the latest when no snapshot has a validation figure); {@code statusOf} says which.
 *
 * @param baseline the baseline's value (also in {@code baselinePoint}, with its interval)
 * @param met      {@code status == MET}
 * @param history  every comparable snapshot's figure, oldest first (the trend line)
 */
public record KpiStatus(KpiMetric metric, String comparator, double target, Double baseline, Double latest,
                        Double best, boolean met, TargetStatus status, String statusOf, SnapshotScope comparedOn,
                        KpiPoint baselinePoint, KpiPoint latestPoint, KpiPoint bestPoint, List<KpiPoint> history) {

    public KpiStatus {
        history = List.copyOf(history);
    }
}
