package com.spurlab.scheduler.step;

import com.fasterxml.jackson.databind.JsonNode;
import com.spurlab.core.Json;
import com.spurlab.inference.eval.ClassificationReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-class part of a split's evaluation as JSON, stored in the evaluation run's details. */
final class EvaluationDetails {

    private EvaluationDetails() {
    }

    static String json(String split, List<String> classNames, ClassificationReport report, double trainWeightedAccuracy,
            Path embeddings, Path errors) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("split", split);
        out.put("classes", classNames);
        out.put("confusion", report.confusion());
        out.put("precision", finite(report.precision()));
        out.put("recall", finite(report.recall()));
        out.put("expectedCalibrationError", Double.isNaN(report.expectedCalibrationError()) ? null
                : report.expectedCalibrationError());
        out.put("trainWeightedAccuracy", Double.isNaN(trainWeightedAccuracy) ? null : trainWeightedAccuracy);
        out.put("errorCount", report.errors().size());
        out.put("errorsFile", errors.toString());
        out.put("embeddingsFile", embeddings.toString());
        return Json.write(out);
    }

    /** The run's details: the folder with every split's embeddings-SPLIT.csv (train too) and errors, then the splits. */
    static String run(Path artifacts, List<String> splitJson) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("artifacts", artifacts.toString());
        out.put("splits", splitJson.stream().map(s -> Json.read(s, JsonNode.class)).toList());
        return Json.write(out);
    }

    /** JSON has no NaN: a class nothing was predicted as (or that the split lacks) gets null. */
    private static List<Double> finite(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(Double.isNaN(v) ? null : v);
        }
        return out;
    }
}
