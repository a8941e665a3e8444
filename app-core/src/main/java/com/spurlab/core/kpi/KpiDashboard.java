package com.spurlab.core.kpi;

import java.util.List;

/**
 * A project's KPIs and the evaluations they compare, from one read of its snapshots: the baseline, the best (by
 * validation worst-group accuracy, never a test figure), the latest and every comparable evaluation oldest first.
 * Each is null before the project has one.
 */
public record KpiDashboard(List<KpiStatus> kpis, ComparedEvaluation baseline, ComparedEvaluation best,
                           ComparedEvaluation latest, List<ComparedEvaluation> history, SnapshotScope comparedOn) {

    public KpiDashboard {
        kpis = List.copyOf(kpis);
        history = List.copyOf(history);
    }
}
