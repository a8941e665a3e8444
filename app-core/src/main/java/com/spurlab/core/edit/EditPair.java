package com.spurlab.core.edit;

/**
 * An original image and its edit, by sample id (never a path), with the model's predictions.
 *
 * @param position          the pair's place in the run, from 0
 * @param originalSampleId  a sample of the source version
 * @param editedSampleId    its edit: a sample of the edited version, whose origin is the original
 * @param group             the original's group, e.g. {@code sandal|warm}
 * @param predictedControl  the prediction on the control edit; {@code null} without one (misclassified original)
 * @param controlFlipped    the control edit changed the prediction
 * @param maskSource        where the edited region came from (MANIFEST, TEXT_BOXES, ONNX_MODEL, LEARNED)
 * @param donorSampleId     the sample whose background or word was used, or {@code null}
 */
public record EditPair(int position, long originalSampleId, long editedSampleId, String label, String group,
        String predictedBefore, String predictedAfter, String predictedControl, boolean correctBefore, boolean flipped,
        boolean controlFlipped, String maskSource, Long donorSampleId) {
}
