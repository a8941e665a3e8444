package com.spurlab.core.dataset;

import java.nio.file.Path;
import java.util.Map;

/** A sample as jobs read it: where its image blob is, its label, split and attribute values. */
public record SampleRecord(long id, Path image, String label, String split, String caption,
                           Map<String, String> attributes) {

    /** The group key for per-group metrics: the label plus the chosen attributes' values, e.g. "coat|warm". */
    public String group(java.util.List<String> groupBy) {
        StringBuilder key = new StringBuilder(label);
        for (String attribute : groupBy) {
            key.append('|').append(attributes.getOrDefault(attribute, "?"));
        }
        return key.toString();
    }
}
