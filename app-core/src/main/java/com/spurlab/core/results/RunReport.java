package com.spurlab.core.results;

import com.spurlab.core.run.ArtifactView;
import com.spurlab.core.run.SplitEvaluation;
import java.util.List;

/**
 * The run page: an evaluated run with every split's metrics and per-class figures, its training curves and
 * what it left behind (artifacts by id; the jobs whose logs tell how it went).
 */
public record RunReport(long projectId, EvaluatedRun run, List<SplitEvaluation> splits, List<SplitDetails> details,
                        List<EpochPoint> history, List<ArtifactView> artifacts) {

    /** Per-class figures of one split, from the evaluation's details. */
    public record SplitDetails(String split, List<String> classes, long[][] confusion, List<Double> precision,
                               List<Double> recall, Double expectedCalibrationError, Double trainWeightedAccuracy,
                               List<ReliabilityBin> reliability, int errorCount) {
    }

    /** A confidence bin of a reliability diagram: its bounds, count, mean confidence and accuracy. */
    public record ReliabilityBin(double low, double high, int n, double confidence, double accuracy) {
    }
}
