package com.spurlab.inference.audit;

/** How the four concept sets of an association test are drawn from the audited split. */
public enum ConceptDesign {
    /**
     * Targets are the cue's values, attributes the labels, all whole images: X = images with cue value a, Y = with
     * value b, each balanced over the two labels; A = images of label x, B = of label y, each balanced over the two
     * values. Balance does what an edit would: the labels cancel between X and Y, the cue's values between A and B.
     * d &gt; 0 means images with value a lie nearer label x than images with value b do, relative to their spread:
     * the model's picture of the label moves with the cue. No edit is needed, so nothing here is an approximation.
     */
    CUE_CONTRAST,
    /**
     * The sets of the wording: X, Y = the two labels' images with the cue taken out (object only), A, B = the
     * cue's values with the object taken out (cue only). It needs masks or boxes; images without stay whole and mark
     * the set an approximation. It measures the embedding space's intrinsic geometry: the object-only and cue-only
     * images are unlike anything the model was trained on, and models trained without the cue's help also show
     * large |d| here (measured -0.8 to -1.4 on cue-balanced training), so it is reported beside, not instead of,
     * {@link #CUE_CONTRAST}.
     */
    ISOLATED_CONCEPTS
}
