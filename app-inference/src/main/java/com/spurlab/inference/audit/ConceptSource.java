package com.spurlab.inference.audit;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.data.PixelBox;
import java.nio.file.Path;
import java.util.List;

/**
 * A sample of the audited split with what the concept edits need to know about it.
 *
 * @param image          the sample (its label and group key)
 * @param cueValue       the value of the audited cue it shows, e.g. {@code "warm"} or {@code "stamped"}
 * @param foregroundMask the manifest's foreground mask (object > 0), or {@code null}
 * @param cueBoxes       boxes of a printed cue in this image; empty when it shows none or none is known
 */
public record ConceptSource(LabeledImage image, String cueValue, Path foregroundMask, List<PixelBox> cueBoxes) {

    public ConceptSource {
        if (image == null || cueValue == null) {
            throw new IllegalArgumentException("a concept source needs its image and its cue value");
        }
        cueBoxes = cueBoxes == null ? List.of() : List.copyOf(cueBoxes);
    }

    /** The same sample carrying another image's boxes: the place a plain image is cropped at to match a stamped one. */
    ConceptSource withBoxes(List<PixelBox> boxes) {
        return new ConceptSource(image, cueValue, foregroundMask, boxes);
    }
}
