package com.spurlab.inference.audit;

import java.awt.image.BufferedImage;

/**
 * The two edits concept sets are made of. EDIT's {@code CounterfactualEditor} provides them: for a
 * background cue REMOVE_BACKGROUND with the foreground mask (object only) and the mask's inpainted
 * background (cue only); for a printed cue INPAINT of its boxes (object only) and a crop of its box (cue only).
 * A method returns {@code null} when the sample lacks what the edit needs (no mask, no box); the concept set
 * then takes the whole image and is marked approximate.
 */
public interface ConceptImageEditor {

    /** The image with the cue taken out and the labelled object kept (target sets X and Y). */
    BufferedImage withoutCue(BufferedImage image, ConceptSource source);

    /** The cue alone, the labelled object taken out (attribute sets A and B). */
    BufferedImage withoutObject(BufferedImage image, ConceptSource source);

    /** How {@link #withoutCue} builds its images, in words for the report. */
    String withoutCueDescription();

    /** How {@link #withoutObject} builds its images, in words for the report. */
    String withoutObjectDescription();
}
