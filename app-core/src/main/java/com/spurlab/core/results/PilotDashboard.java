package com.spurlab.core.results;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.kpi.ComparedEvaluation;
import com.spurlab.core.kpi.KpiDashboard;
import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pilot's overview for executives and leads, in a fixed number of queries whatever the number of runs: the KPI
 * snapshots are read once, then the test metrics of two evaluations (baseline and mitigated), the version names and
 * one count of pending jobs. {@link #changeMark} tells in one query whether any of it may have changed.
 */
@Service
@Transactional(readOnly = true)
public class PilotDashboard {

    static final String TEST = "test";

    private final KpiService kpis;
    private final RunService runs;
    private final DatasetService datasets;
    private final ProjectAccess access;
    private final JdbcTemplate jdbc;

    PilotDashboard(KpiService kpis, RunService runs, DatasetService datasets, ProjectAccess access, JdbcTemplate jdbc) {
        this.kpis = kpis;
        this.runs = runs;
        this.datasets = datasets;
        this.access = access;
        this.jdbc = jdbc;
    }

    public PilotOverview overview(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        KpiDashboard board = kpis.dashboard(projectId);
        ComparedEvaluation mitigated = mitigated(board);
        String mitigatedIs = mitigated == null ? null : mitigated.equals(board.best())
                ? "best by validation worst-group accuracy" : "latest (the baseline is still best by validation)";
        int pending = pendingJobs(projectId);
        PilotOverview.Stage stage = !board.history().isEmpty() ? PilotOverview.Stage.EVALUATED
                : pending > 0 ? PilotOverview.Stage.WAITING_FOR_FIRST_EVALUATION : PilotOverview.Stage.NOTHING_PLANNED;
        return new PilotOverview(projectId, stage, board.kpis(), evaluation(board.baseline()), evaluation(mitigated),
                mitigatedIs, board.history(), datasets.versionLabels(projectId), pending);
    }

    /**
     * A mark that changes whenever the overview, the step results or the KPI settings may have: runs recorded, jobs
     * queued or finished, targets or the named baseline changed. One query, so an open dashboard may ask often.
     */
    public String changeMark(long projectId) {
        access.require(projectId, Capability.READ_RESULTS);
        return jdbc.queryForObject("select (select count(*) from run where project_id = ?) || ':'"
                + " || (select coalesce(max(id), 0) from run where project_id = ?) || ':'"
                + " || (select count(*) from job where project_id = ? and status in ('QUEUED', 'RUNNING')) || ':'"
                + " || (select count(*) from job where project_id = ?) || ':'"
                + " || (select count(*) from kpi_target where project_id = ?) || ':'"
                + " || (select coalesce(sum(threshold), 0) from kpi_target where project_id = ?) || ':'"
                + " || (select coalesce(max(evaluation_run_id), 0) from kpi_baseline where project_id = ?)",
                String.class, projectId, projectId, projectId, projectId, projectId, projectId, projectId);
    }

    /**
     * The evaluation set against the baseline: the best by validation when that is not the baseline itself, else the
     * latest when it is another; null when the baseline is all there is.
     */
    static ComparedEvaluation mitigated(KpiDashboard board) {
        Long baseline = board.baseline() == null ? null : board.baseline().evaluationRunId();
        if (board.best() != null && !Objects.equals(board.best().evaluationRunId(), baseline)) {
            return board.best();
        }
        if (board.latest() != null && !Objects.equals(board.latest().evaluationRunId(), baseline)) {
            return board.latest();
        }
        return null;
    }

    private PilotOverview.Evaluation evaluation(ComparedEvaluation run) {
        if (run == null) {
            return null;
        }
        SplitEvaluation test = runs.metrics(run.evaluationRunId()).split(TEST).orElse(null);
        return test == null ? null : new PilotOverview.Evaluation(run, test,
                test.groups().stream().map(GroupEstimate::of).toList());
    }

    private int pendingJobs(long projectId) {
        Integer n = jdbc.queryForObject("select count(*) from job where project_id = ? and status in ('QUEUED', "
                + "'RUNNING')", Integer.class, projectId);
        return n == null ? 0 : n;
    }
}
