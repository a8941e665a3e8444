package com.spurlab.scheduler.step.synth;

/** Which model judges the new images (label consistency, Fréchet distance, diversity). */
public enum QualityModel {
    /** The model of a step upstream when there is one and it is not plain ERM, else one trained here (GROUP_DRO). */
    AUTO,
    /** The model of the nearest step upstream (or {@code modelRunId}): plan a GroupDRO or DFR TRAIN before it. */
    UPSTREAM,
    /** A GroupDRO model trained here on the original training split, with the cue's values as groups. */
    TRAIN,
    /** No model: only the near-duplicate rate is measured. */
    NONE
}
