package com.spurlab.core.dataset;

import java.util.List;
import java.util.Map;

/**
 * What a version is made of: counts per split, labels, attribute values, and per attribute the
 * counts of label × value per split and the attribute–label association on the training split.
 * A strong association (Cramér's V ≥ {@value #SUSPECT_CRAMERS_V}) is flagged as a suspected cue.
 */
public record Composition(Map<String, Integer> splits, List<String> labels, Map<String, List<String>> attributes,
                          Map<String, AttributeComposition> byAttribute) {

    public static final double SUSPECT_CRAMERS_V = 0.3;

    /** @param counts split → label → attribute value → number of samples */
    public record AttributeComposition(Map<String, Map<String, Map<String, Integer>>> counts, double cramersV,
                                       double normalizedMutualInformation, boolean suspectedCue) {
    }
}
