package com.spurlab.inference.cueset;

import java.nio.file.Path;
import java.util.List;

/**
 * A written set and its ground truth.
 *
 * @param archive   the zip
 * @param spec      what it was generated from
 * @param labels    class names in label order
 * @param attribute the cue's attribute name ({@code attr:<attribute>} in a manifest)
 * @param samples   every image with its ground truth, in archive order
 */
public record GeneratedCueSet(Path archive, CueSetSpec spec, List<String> labels, String attribute,
        List<CueSample> samples) {

    public GeneratedCueSet {
        labels = List.copyOf(labels);
        samples = List.copyOf(samples);
    }

    /** The cue's two values; value 0 is class 0's own (the stamped one for a word). */
    public List<String> attributeValues() {
        return spec.cue().cueValues();
    }

    public List<CueSample> samples(String split) {
        return samples.stream().filter(s -> s.split().equals(split)).toList();
    }
}
