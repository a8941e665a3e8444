package com.spurlab.inference.edit.mask;

/** Where a region came from, in the order {@link ForegroundMasks} tries them; recorded in each edit's provenance. */
public enum MaskSource {
    /** The dataset's own {@code mask} column. */
    MANIFEST,
    /** Boxes of a printed word (OCR, or the data's ground truth). */
    TEXT_BOXES,
    /** An ONNX segmentation model the operator configured ({@code spurlab.edit.segmentation-model}). */
    ONNX_MODEL,
    /** A segmentation network SpurLab trained with DJL on the samples that have manifest masks. */
    LEARNED
}
