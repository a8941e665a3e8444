package com.spurlab.inference.synth;

/** How new images are made. */
public enum SynthesisMethod {

    /**
     * EDIT's operations on training images: a foreground laid on a background of the missing cue value, a printed
     * word inpainted away or pasted on, each result augmented (flip, shift, colour jitter).
     */
    RECOMBINE
}
