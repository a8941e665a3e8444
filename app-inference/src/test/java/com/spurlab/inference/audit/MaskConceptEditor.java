package com.spurlab.inference.audit;

import java.awt.image.BufferedImage;

/** Test fixture: {@link MaskEdits} behind the audit's editor interface (masks of the demo archive). */
final class MaskConceptEditor implements ConceptImageEditor {

    @Override
    public BufferedImage withoutCue(BufferedImage image, ConceptSource source) {
        return source.foregroundMask() == null ? null
                : MaskEdits.objectOnly(image, MaskEdits.foreground(source.foregroundMask(), image.getWidth(), image.getHeight()));
    }

    @Override
    public BufferedImage withoutObject(BufferedImage image, ConceptSource source) {
        return source.foregroundMask() == null ? null
                : MaskEdits.cueOnly(image, MaskEdits.foreground(source.foregroundMask(), image.getWidth(), image.getHeight()));
    }

    @Override
    public String withoutCueDescription() {
        return "the background painted neutral grey outside the foreground mask";
    }

    @Override
    public String withoutObjectDescription() {
        return "the foreground mask (grown 1 px) filled from the surrounding background";
    }
}
