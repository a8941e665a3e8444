package com.spurlab.inference.eval;

/**
 * The model's answer for one sample.
 *
 * @param sampleId   the sample's id
 * @param label      true class index
 * @param predicted  predicted class index
 * @param confidence softmax probability of the predicted class
 * @param group      the sample's group, e.g. {@code "coat|warm"}
 */
public record Prediction(String sampleId, int label, int predicted, float confidence, String group) {

    public boolean correct() {
        return label == predicted;
    }
}
