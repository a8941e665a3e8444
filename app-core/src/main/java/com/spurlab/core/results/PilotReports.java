package com.spurlab.core.results;

import com.spurlab.core.kpi.ComparedEvaluation;
import com.spurlab.core.project.ProjectService;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pilot report's contents for executives and leads (access checked by the services it reads). */
@Service
@Transactional(readOnly = true)
public class PilotReports {

    /** How many cues the report and the dashboard list. */
    public static final int TOP_CUES = 5;

    private final ProjectService projects;
    private final PilotDashboard dashboard;
    private final PilotFindings findings;
    private final Clock clock;

    PilotReports(ProjectService projects, PilotDashboard dashboard, PilotFindings findings, Clock clock) {
        this.projects = projects;
        this.dashboard = dashboard;
        this.findings = findings;
        this.clock = clock;
    }

    public PilotReport report(long projectId) {
        PilotOverview overview = dashboard.overview(projectId);
        return new PilotReport(projectId, projects.get(projectId).getName(), clock.instant(), overview,
                findings.topCues(projectId, TOP_CUES), findings.audits(projectId, modelRunOf(overview.baseline()),
                modelRunOf(overview.mitigated())));
    }

    /** The training run behind an evaluation, for sections that pair step results with the compared models. */
    public static Long modelRunOf(PilotOverview.Evaluation evaluation) {
        ComparedEvaluation run = evaluation == null ? null : evaluation.run();
        return run == null ? null : run.modelRunId();
    }
}
