package com.spurlab.core.kpi;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KPI targets of a project and how its evaluations stand against them, from the KPI snapshots of the
 * test split ({@link KpiBoard} decides what is comparable and what is best).
 */
@Service
@Transactional(readOnly = true)
public class KpiService {

    static final String SPLIT = "test";

    private final KpiTargets targets;
    private final KpiSnapshots snapshots;
    private final KpiBaselines baselines;
    private final ProjectAccess access;

    KpiService(KpiTargets targets, KpiSnapshots snapshots, KpiBaselines baselines, ProjectAccess access) {
        this.targets = targets;
        this.snapshots = snapshots;
        this.baselines = baselines;
        this.access = access;
    }

    public List<KpiStatus> kpis(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        KpiBoard board = board(projectId);
        return targets.findByProjectIdOrderById(projectId).stream()
                .map(t -> board.status(t.getMetric(), t.getThreshold())).toList();
    }

    /** The KPIs with the evaluations they compare (also when no target is set): three queries. */
    public KpiDashboard dashboard(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        KpiBoard board = board(projectId);
        List<KpiStatus> statuses = targets.findByProjectIdOrderById(projectId).stream()
                .map(t -> board.status(t.getMetric(), t.getThreshold())).toList();
        return new KpiDashboard(statuses, ComparedEvaluation.of(board.baselineSnapshot()),
                ComparedEvaluation.of(board.best()), ComparedEvaluation.of(board.latest()),
                board.comparable().stream().map(ComparedEvaluation::of).toList(),
                board.latest() == null ? null : board.latest().scope());
    }

    private KpiBoard board(long projectId) {
        Long named = baselines.findById(projectId).map(KpiBaseline::getEvaluationRunId).orElse(null);
        return KpiBoard.of(snapshots.findByProjectIdAndSplitOrderById(projectId, SPLIT), named);
    }

    /**
     * Names the evaluation the project's KPIs compare against; it also fixes which snapshots are
     * comparable (its lineage root, groupBy and split).
     *
     * @throws NotFoundException when the project has no evaluation of the test split with this run id
     */
    @Transactional
    public void setBaseline(long projectId, long evaluationRunId) {
        access.require(projectId, Capability.MANAGE);
        boolean known = snapshots.findByEvaluationRunId(evaluationRunId).stream()
                .anyMatch(s -> s.getSplit().equals(SPLIT) && s.getProjectId() == projectId);
        if (!known) {
            throw new NotFoundException("test-split evaluation of this project", evaluationRunId);
        }
        baselines.findById(projectId).ifPresentOrElse(b -> b.setEvaluationRunId(evaluationRunId),
                () -> baselines.save(new KpiBaseline(projectId, evaluationRunId)));
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
}
