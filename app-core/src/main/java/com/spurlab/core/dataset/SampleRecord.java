package com.spurlab.core.dataset;

import java.nio.file.Path;
import java.util.Map;

/**
 * A sample as jobs read it: where its image blob is, its label, split and attribute values.
 *
 * @param mask           its foreground mask blob (single channel, foreground &gt; 0), or null
 * @param originSampleId for a derived version's sample, the sample it was shared from or made from; else null
 */
public record SampleRecord(long id, Path image, String label, String split, String caption,
                           Map<String, String> attributes, Path mask, Long originSampleId) {

    /** The group key for per-group metrics: the label plus the chosen attributes' values, e.g. "coat|warm". */
    public String group(java.util.List<String> groupBy) {
        StringBuilder key = new StringBuilder(label);
        for (String attribute : groupBy) {
            key.append('|').append(attributes.getOrDefault(attribute, "?"));
        }
        return key.toString();
    }
}
