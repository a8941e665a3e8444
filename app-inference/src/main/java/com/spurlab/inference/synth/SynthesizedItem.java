package com.spurlab.inference.synth;

import java.nio.file.Path;
import java.util.List;

/**
 * One new training image and how it was made.
 *
 * @param itemId       unique within the run, e.g. {@code synth-00042}
 * @param imageFile    the PNG written under the run's folder
 * @param maskFile     its foreground mask (the composited foreground, moved with the image), or null
 * @param label        class index
 * @param value        the cue value it carries
 * @param group        {@code "<label name>|<value>"}
 * @param sources      the sample ids it was made from: the image whose content it keeps first, then the donor of
 *                     the background or the word, if any
 * @param operation    REPLACE_BACKGROUND, INPAINT or ADD_CUE
 * @param seed         the item's own seed (every random choice of this item comes from it)
 * @param augmentation what augmentation did to it, e.g. {@code flip,shift=2/-1,brightness=0.05,contrast=1.10}
 */
public record SynthesizedItem(String itemId, Path imageFile, Path maskFile, int label, String value, String group,
        List<String> sources, String operation, long seed, String augmentation) {

    public SynthesizedItem {
        sources = List.copyOf(sources);
    }

    /** The sample whose content the image keeps (its garment, its background). */
    public String sourceSampleId() {
        return sources.get(0);
    }
}
