package com.spurlab.inference.eval;

import java.util.ArrayList;
import java.util.List;

/** Confusion matrix, per-class precision and recall, expected calibration error, the errors. */
public final class ClassificationMetrics {

    /** Confidence bins of the ECE, the usual 15 of Guo et al. 2017. */
    public static final int BINS = 15;

    private ClassificationMetrics() {
    }

    /**
     * @param classes number of classes; labels and predictions must lie in 0..classes-1
     * @throws IllegalArgumentException when there are no predictions or one is out of range
     */
    public static ClassificationReport evaluate(List<Prediction> predictions, int classes) {
        if (predictions == null || predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to evaluate: the split is empty");
        }
        int[][] confusion = new int[classes][classes];
        double[] binConfidence = new double[BINS];
        int[] binCorrect = new int[BINS];
        int[] binCount = new int[BINS];
        List<Prediction> errors = new ArrayList<>();
        for (Prediction p : predictions) {
            if (p.label() < 0 || p.label() >= classes || p.predicted() < 0 || p.predicted() >= classes) {
                throw new IllegalArgumentException("sample " + p.sampleId() + " has label " + p.label() + " / prediction "
                        + p.predicted() + " outside 0.." + (classes - 1));
            }
            confusion[p.label()][p.predicted()]++;
            int bin = Math.min(BINS - 1, (int) (p.confidence() * BINS));
            binCount[bin]++;
            binConfidence[bin] += p.confidence();
            if (p.correct()) {
                binCorrect[bin]++;
            } else {
                errors.add(p);
            }
        }
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        for (int c = 0; c < classes; c++) {
            int predictedAs = 0;
            int actual = 0;
            for (int k = 0; k < classes; k++) {
                predictedAs += confusion[k][c];
                actual += confusion[c][k];
            }
            precision[c] = predictedAs == 0 ? Double.NaN : (double) confusion[c][c] / predictedAs;
            recall[c] = actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
        }
        double ece = 0;
        List<CalibrationBin> reliability = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            if (binCount[b] > 0) {
                double accuracy = (double) binCorrect[b] / binCount[b];
                double confidence = binConfidence[b] / binCount[b];
                ece += Math.abs(accuracy - confidence) * binCount[b] / predictions.size();
                reliability.add(new CalibrationBin((double) b / BINS, (double) (b + 1) / BINS, binCount[b], confidence,
                        accuracy));
            }
        }
        return new ClassificationReport(confusion, precision, recall, ece, errors, reliability);
    }
}
