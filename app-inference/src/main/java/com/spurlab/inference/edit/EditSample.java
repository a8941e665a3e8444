package com.spurlab.inference.edit;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One sample of the dataset version, as the EDIT step hands it over.
 *
 * @param sampleId   stable id within the version
 * @param split      train, val or test
 * @param imageFile  the image (PNG/JPEG); read, never written
 * @param label      class index into the model's class names
 * @param group      e.g. {@code "coat|warm"}; {@code null} means the class name
 * @param maskFile   the manifest's foreground mask, or {@code null}
 * @param caption    the caption, or {@code null} (a {@code keyword:} cue looks in it)
 * @param attributes attribute name to value (an {@code attribute:} cue looks here); may be empty
 */
public record EditSample(String sampleId, String split, Path imageFile, int label, String group, Path maskFile,
        String caption, Map<String, String> attributes) {

    public EditSample {
        Objects.requireNonNull(sampleId, "sampleId");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(imageFile, "imageFile");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
