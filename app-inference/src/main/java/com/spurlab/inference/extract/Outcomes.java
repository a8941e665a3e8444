package com.spurlab.inference.extract;

import com.spurlab.inference.eval.Prediction;
import java.util.List;

/** The model's outcome on each sample of the split, in sample order, as arrays for counting. */
record Outcomes(String[] ids, int[] labels, boolean[] errors, float[] confidence, int classes) {

    static Outcomes of(List<Prediction> predictions, int classes) {
        int n = predictions.size();
        String[] ids = new String[n];
        int[] labels = new int[n];
        boolean[] errors = new boolean[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(i);
            ids[i] = p.sampleId();
            labels[i] = p.label();
            errors[i] = !p.correct();
            confidence[i] = p.confidence();
        }
        return new Outcomes(ids, labels, errors, confidence, classes);
    }

    int size() {
        return ids.length;
    }

    int errorCount() {
        int count = 0;
        for (boolean e : errors) {
            count += e ? 1 : 0;
        }
        return count;
    }
}
