package com.spurlab.core.kpi;

import java.time.Instant;

/**
 * One evaluation among those a project's KPIs compare (a test-split snapshot of the comparable scope), whatever the
 * targets: the dashboard's baseline, mitigated model and trend are chosen among these.
 *
 * @param validationWorstGroupAccuracy what chose the model among others (null when unknown)
 */
public record ComparedEvaluation(long evaluationRunId, long modelRunId, long experimentId, String method,
                                 long datasetVersionId, Double validationWorstGroupAccuracy, Instant createdAt) {

    static ComparedEvaluation of(KpiSnapshot s) {
        return s == null ? null : new ComparedEvaluation(s.getEvaluationRunId(), s.getModelRunId(), s.getExperimentId(),
                s.getMethod(), s.getDatasetVersionId(), s.getValidationWga(), s.getCreatedAt());
    }
}
