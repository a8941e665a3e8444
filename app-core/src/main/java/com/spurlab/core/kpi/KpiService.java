package com.spurlab.core.kpi;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** KPI targets of a project and how its evaluations (test split) stand against them. */
@Service
@Transactional(readOnly = true)
public class KpiService {

    static final String SPLIT = "test";

    private final KpiTargets targets;
    private final RunService runs;
    private final ProjectAccess access;

    KpiService(KpiTargets targets, RunService runs, ProjectAccess access) {
        this.targets = targets;
        this.runs = runs;
        this.access = access;
    }

    public List<KpiStatus> kpis(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        List<SplitEvaluation> history = runs.evaluations(projectId).stream()
                .flatMap(r -> r.split(SPLIT).stream()).toList();
        return targets.findByProjectIdOrderById(projectId).stream().map(t -> status(t, history)).toList();
    }

    /** The project's targets alone, without results: for whoever keeps its settings (administrators too). */
    public List<KpiTargetView> targets(long projectId) {
        access.require(projectId, Capability.SETTINGS);
        return targets.findByProjectIdOrderById(projectId).stream().map(t -> new KpiTargetView(t.getMetric(),
                t.getMetric().higherIsBetter() ? ">=" : "<=", t.getThreshold())).toList();
    }

    @Transactional
    public void setTarget(long projectId, KpiMetric metric, double threshold) {
        access.require(projectId, Capability.SETTINGS);
        setTargetUnchecked(projectId, metric, threshold);
    }

    /** For installation seeding (the demo project). */
    @Transactional
    public void setTargetUnchecked(long projectId, KpiMetric metric, double threshold) {
        if (metric == null || Double.isNaN(threshold)) {
            throw new InvalidRequestException("invalid_kpi", "a KPI target needs a metric and a number");
        }
        targets.findByProjectIdAndMetric(projectId, metric).ifPresentOrElse(t -> t.setThreshold(threshold),
                () -> targets.save(new KpiTarget(projectId, metric, threshold)));
    }

    private static KpiStatus status(KpiTarget target, List<SplitEvaluation> history) {
        KpiMetric metric = target.getMetric();
        List<Double> values = history.stream().map(metric::of).toList();
        Double baseline = values.isEmpty() ? null : values.get(0);
        Double latest = values.isEmpty() ? null : values.get(values.size() - 1);
        Double best = values.stream().reduce((a, b) -> metric.higherIsBetter() ? Math.max(a, b) : Math.min(a, b))
                .orElse(null);
        boolean met = latest != null && (metric.higherIsBetter() ? latest >= target.getThreshold()
                : latest <= target.getThreshold());
        return new KpiStatus(metric, metric.higherIsBetter() ? ">=" : "<=", target.getThreshold(), baseline, latest,
                best, met);
    }

}
