package com.spurlab.core.run;

import java.time.Instant;
import java.util.List;

/**
 * An evaluation run was recorded (published inside the recording transaction, so what listens to it
 * commits or rolls back with the run).
 *
 * @param trainingDetails the JSON details of the evaluated model's training run; null when it has none
 */
public record EvaluationRecorded(long evaluationRunId, long projectId, long experimentId, long datasetVersionId,
                                 long modelRunId, String method, String trainingDetails,
                                 List<SplitEvaluation> evaluations, Instant recordedAt) {

    public EvaluationRecorded {
        evaluations = List.copyOf(evaluations);
    }
}
