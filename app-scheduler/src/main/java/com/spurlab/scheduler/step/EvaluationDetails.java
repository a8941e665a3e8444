package com.spurlab.scheduler.step;

import com.spurlab.inference.eval.ClassificationReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-class part of a split's evaluation, stored in the evaluation run's details. The errors and
 * embeddings themselves are files of the run's EMBEDDINGS artifact, named by its id, never by path.
 */
final class EvaluationDetails {

    private EvaluationDetails() {
    }

    /** @param usedForFitting the model was fitted on this split (DFR's head on val): its figures are in-sample */
    static Map<String, Object> split(String split, List<String> classNames, ClassificationReport report,
                                     double trainWeightedAccuracy, boolean usedForFitting) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", split);
        out.put("usedForFitting", usedForFitting);
        out.put("classes", classNames);
        out.put("confusion", report.confusion());
        out.put("precision", finite(report.precision()));
        out.put("recall", finite(report.recall()));
        out.put("expectedCalibrationError", TrainingStep.finite(report.expectedCalibrationError()));
        out.put("reliability", report.reliability().stream().map(b -> {
            Map<String, Object> bin = new LinkedHashMap<>();
            bin.put("low", b.low());
            bin.put("high", b.high());
            bin.put("n", b.n());
            bin.put("confidence", b.meanConfidence());
            bin.put("accuracy", b.accuracy());
            return bin;
        }).toList());
        out.put("trainWeightedAccuracy", TrainingStep.finite(trainWeightedAccuracy));
        out.put("errorCount", report.errors().size());
        return out;
    }

    /** JSON has no NaN: a class nothing was predicted as (or that the split lacks) gets null. */
    private static List<Double> finite(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(TrainingStep.finite(v));
        }
        return out;
    }
}
