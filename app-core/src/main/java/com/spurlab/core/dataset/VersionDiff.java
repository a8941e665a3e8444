package com.spurlab.core.dataset;

import java.util.List;

/**
 * What changed between two versions, by content hash: images added, removed, kept, and kept with a
 * different label or split; how the label counts per split and each attribute's association moved.
 */
public record VersionDiff(long fromId, String from, long toId, String to, int added, int removed, int unchanged,
                          int relabelled, List<SampleView> addedExamples, List<SampleView> removedExamples,
                          List<CountChange> counts, List<AttributeChange> attributes) {

    /** Samples of one label in one split, before and after. */
    public record CountChange(String split, String label, int before, int after) {
    }

    /** An attribute's association with the label (train split) before and after; null where it is absent. */
    public record AttributeChange(String attribute, Double cramersVBefore, Double cramersVAfter,
                                  boolean suspectedBefore, boolean suspectedAfter) {
    }
}
