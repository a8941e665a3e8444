package com.spurlab.scheduler.step.edit;

/** Where an image of the edited split without a manifest mask gets its foreground mask (background cues). */
public enum MaskOrigin {
    /** Nowhere: only images with a manifest mask are edited, the others are left out (the report counts them). */
    MANIFEST,
    /** The operator's ONNX segmentation model ({@code spurlab.edit.segmentation-model}). */
    ONNX_MODEL,
    /** A small segmentation network trained with DJL on the version's manifest masks (takes the training engine). */
    LEARNED
}
