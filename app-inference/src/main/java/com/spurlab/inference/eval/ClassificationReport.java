package com.spurlab.inference.eval;

import java.util.List;

/**
 * Per-class figures of one split.
 *
 * @param confusion                 counts, [true class][predicted class]
 * @param precision                 per predicted class: correct / predicted as it; NaN when nothing was predicted as it
 * @param recall                    per true class: correct / samples of it; NaN when the split has none
 * @param expectedCalibrationError  ECE over {@link ClassificationMetrics#BINS} equal-width confidence bins
 * @param errors                    the misclassified samples, with their ids, in input order
 * @param reliability               the ECE's non-empty bins, lowest confidence first (a reliability diagram)
 */
public record ClassificationReport(int[][] confusion, double[] precision, double[] recall, double expectedCalibrationError,
        List<Prediction> errors, List<CalibrationBin> reliability) {

    public ClassificationReport {
        errors = List.copyOf(errors);
        reliability = List.copyOf(reliability);
    }
}
