package com.spurlab.core.results;

import com.spurlab.core.run.SplitSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of the runs table: an evaluation with the training behind it.
 *
 * @param trainingRunId          the TRAIN run whose model was evaluated; null if it is gone
 * @param trainingParameters     the TRAIN step's parameters as planned (defaults filled in); empty when unknown
 * @param evaluationParameters   the EVALUATE step's parameters
 * @param test                   the test split's figures; null when the test split was not evaluated
 * @param val                    the val split's figures; null when val was not evaluated
 * @param trainingValWorstGroup  worst-group accuracy on val that training measured for its kept epoch
 * @param selectedEpoch          the epoch whose weights were kept
 * @param trainingJobId          the TRAIN job (its log); null when unknown
 */
public record EvaluatedRun(long evaluationRunId, Long trainingRunId, long experimentId, String experiment,
                           Instant createdAt, long datasetVersionId, String dataset, String method, String model,
                           Integer epochs, List<String> groupBy, Map<String, Object> trainingParameters,
                           Map<String, Object> evaluationParameters, SplitSummary test, SplitSummary val,
                           Double trainingValWorstGroup, Integer selectedEpoch, long evaluationJobId,
                           Long trainingJobId) {

    public EvaluatedRun {
        groupBy = List.copyOf(groupBy);
        trainingParameters = Map.copyOf(trainingParameters);
        evaluationParameters = Map.copyOf(evaluationParameters);
    }

    public Double testAccuracy() {
        return test == null ? null : test.accuracy();
    }

    public Double testWorstGroupAccuracy() {
        return test == null ? null : test.worstGroupAccuracy();
    }

    public Double testGap() {
        return test == null ? null : test.gap();
    }

    /** Val worst-group accuracy: the evaluation's when it scored val, else what training measured. */
    public Double valWorstGroupAccuracy() {
        return val != null ? Double.valueOf(val.worstGroupAccuracy()) : trainingValWorstGroup;
    }
}
