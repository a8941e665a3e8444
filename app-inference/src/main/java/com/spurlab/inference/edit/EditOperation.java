package com.spurlab.inference.edit;

/** The edits of an EDIT step (DESIGN.md); each keeps the image's label. */
public enum EditOperation {
    /** The foreground onto a background taken from an image of another value of the cue (e.g. warm to cool). */
    REPLACE_BACKGROUND,
    /** The background replaced by a neutral grey. */
    REMOVE_BACKGROUND,
    /** The cue's region (a printed word's boxes) filled from its surroundings. */
    INPAINT,
    /** The cue (a printed word's crop, a background) pasted onto images of the other labels that lack it. */
    ADD_CUE
}
