package com.spurlab.inference.synth;

import java.util.List;
import java.util.Map;

/**
 * What a synthesis made.
 *
 * @param cue            the cue's name
 * @param attribute      the attribute that carries the cue's values (for keyword and text cues {@code cue:<cue>})
 * @param values         the cue's values, sorted
 * @param groupsBefore   training images per group before, {@code "<label>|<value>"} to count
 * @param groupsAfter    the same after adding
 * @param fills          per group: before, target, added
 * @param items          the new images, in the order made
 * @param nearDuplicates share of new images that a perceptual hash finds near-identical to another training image
 *                       of their label (real or new); NaN when none were made
 * @param report         what could not be done and why, in plain words
 * @param timings        where the time went
 */
public record SynthesisResult(String cue, String attribute, List<String> values, Map<String, Integer> groupsBefore,
        Map<String, Integer> groupsAfter, List<GroupFill> fills, List<SynthesizedItem> items, double nearDuplicates,
        List<String> report, SynthesisTimings timings) {

    public SynthesisResult {
        values = List.copyOf(values);
        groupsBefore = Map.copyOf(groupsBefore);
        groupsAfter = Map.copyOf(groupsAfter);
        fills = List.copyOf(fills);
        items = List.copyOf(items);
        report = List.copyOf(report);
    }
}
