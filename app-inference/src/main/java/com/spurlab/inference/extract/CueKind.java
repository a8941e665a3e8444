package com.spurlab.inference.extract;

/** Where a cue comes from; the {@code kind} of DESIGN's cue result. */
public enum CueKind {
    /** {@code attribute:<name>=<value>}: an annotated attribute value. */
    ATTRIBUTE,
    /** {@code keyword:<word>}: a word of the captions. */
    KEYWORD,
    /** {@code text:<word>}: a word printed in the image, read by OCR. */
    TEXT,
    /** {@code slice:<n>}: a cluster of the model's errors in embedding space. */
    SLICE,
    /** {@code mask}: input gradients falling outside the foreground mask. */
    SALIENCY
}
