package com.spurlab.core.step;

/**
 * What a job of a step occupies while it runs.
 *
 * @param modelDevice    true: a slot of the model device kind ({@code spurlab.queue.model-device}, GPU where
 *                       workers have one); false: a CPU slot
 * @param trainingEngine true: the node's one training engine (DJL's PyTorch engine has a single gradient
 *                       collector per process), so at most one such job runs per node
 */
public record StepResources(boolean modelDevice, boolean trainingEngine) {

    /** Plain CPU work: validation, file handling. */
    public static final StepResources CPU = new StepResources(false, false);
    /** Inference with a model: evaluation, embedding, OCR. */
    public static final StepResources MODEL = new StepResources(true, false);
    /** Anything that computes gradients: training, saliency, a segmentation network fitted on the fly. */
    public static final StepResources TRAINING = new StepResources(true, true);
}
