package com.spurlab.inference.audit;

/**
 * One sample's predictions before and after a label-keeping edit (from an EDIT run).
 *
 * @param sampleId          the original sample
 * @param group             its group key, e.g. {@code "t-shirt|warm"}
 * @param originalPredicted class predicted for the original image
 * @param editedPredicted   class predicted for the edited image (cue removed or swapped)
 * @param controlPredicted  class predicted for the control edit (an area of the same size elsewhere), or
 *                          {@code null} when the EDIT run made none
 */
public record CounterfactualPair(String sampleId, String group, int originalPredicted, int editedPredicted,
        Integer controlPredicted) {
}
