package com.spurlab.inference.extract;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * One sample of a dataset version as EXTRACT sees it.
 *
 * @param sampleId   stable id within the dataset version
 * @param imageFile  the PNG/JPEG on disk
 * @param label      class index into the request's class names
 * @param caption    the sample's caption, or {@code null} when it has none
 * @param attributes attribute name to value (e.g. {@code background -> warm}); empty when none
 * @param maskFile   single-channel foreground mask (foreground &gt; 0), or {@code null}
 */
public record ExtractionSample(String sampleId, Path imageFile, int label, String caption, Map<String, String> attributes,
        Path maskFile) {

    public ExtractionSample {
        Objects.requireNonNull(sampleId, "sampleId");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
