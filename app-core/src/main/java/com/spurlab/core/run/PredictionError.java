package com.spurlab.core.run;

/**
 * A misclassified sample of an evaluation, as its errors file lists it.
 *
 * @param sampleId   the dataset sample (its image is read through the dataset services, never by path)
 * @param label      the true class index (the evaluation's details name the classes)
 * @param predicted  the predicted class index
 * @param confidence the model's confidence in its prediction
 * @param group      the sample's group key, e.g. {@code t-shirt|warm}
 */
public record PredictionError(long sampleId, int label, int predicted, double confidence, String group) {
}
