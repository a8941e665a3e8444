package com.spurlab.inference.edit;

import com.spurlab.inference.edit.mask.MaskSource;
import java.nio.file.Path;
import java.util.Map;

/**
 * One edited image and its provenance: an item of the EDITED dataset version.
 *
 * @param sourceSampleId the original it was made from
 * @param split          the original's split
 * @param label          the original's label (every edit keeps it)
 * @param group          the original's group
 * @param editedFile     the PNG written under the caller's target folder
 * @param operation      the edit
 * @param seed           the seed of this item's random choices (donor, place)
 * @param maskSource     where its region came from
 * @param donorSampleId  the sample whose background or word crop was used; {@code null} when none (REMOVE, INPAINT)
 * @param attributes     the original's attributes with the cue's attribute set to what the edit made it (the
 *                       donor's value for REPLACE_BACKGROUND and ADD_CUE, {@code "removed"} for REMOVE_BACKGROUND)
 */
public record EditedItem(String sourceSampleId, String split, int label, String group, Path editedFile,
        EditOperation operation, long seed, MaskSource maskSource, String donorSampleId, Map<String, String> attributes) {

    public EditedItem {
        attributes = Map.copyOf(attributes);
    }
}
