package com.spurlab.core.results;

import com.spurlab.core.kpi.ComparedEvaluation;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.run.SplitEvaluation;
import java.util.List;
import java.util.Map;

/**
 * What the executive dashboard and the pilot report show first: where the pilot stands, the KPIs, the baseline and
 * the mitigated model on the test split (groups with their intervals) and the comparable evaluations over time.
 *
 * @param stage        where the pilot stands
 * @param baseline     the KPIs' baseline evaluation, or null before there is one
 * @param mitigated    the evaluation compared with the baseline, or null when there is none besides it
 * @param mitigatedIs  how the mitigated evaluation was chosen, in words ("best by validation", "latest")
 * @param trend        every comparable evaluation, oldest first (experiments and dataset versions of one lineage)
 * @param versions     "name vN" of the project's dataset versions by id
 * @param pendingJobs  jobs of the project queued or running
 */
public record PilotOverview(long projectId, Stage stage, List<KpiStatus> kpis, Evaluation baseline, Evaluation mitigated,
                            String mitigatedIs, List<ComparedEvaluation> trend, Map<Long, String> versions,
                            int pendingJobs) {

    public PilotOverview {
        kpis = List.copyOf(kpis);
        trend = List.copyOf(trend);
        versions = Map.copyOf(versions);
    }

    /** Where the pilot stands, so the dashboard says "waiting" rather than "not met" before any evaluation. */
    public enum Stage {
        /** No evaluation and nothing queued: a lead has to plan the pilot. */
        NOTHING_PLANNED,
        /** Jobs are queued or running, no evaluation has finished yet. */
        WAITING_FOR_FIRST_EVALUATION,
        /** At least one comparable evaluation has finished. */
        EVALUATED
    }

    /**
     * One evaluation's test figures.
     *
     * @param test   the test split's figures
     * @param groups each test group's accuracy with its Wilson 95 % interval, in the split's group order
     */
    public record Evaluation(ComparedEvaluation run, SplitEvaluation test, List<GroupEstimate> groups) {

        public Evaluation {
            groups = List.copyOf(groups);
        }
    }

    /** "name vN" of a version, or "version N" when the version is gone. */
    public String versionLabel(long versionId) {
        return versions.getOrDefault(versionId, "version " + versionId);
    }
}
