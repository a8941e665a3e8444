package com.spurlab.scheduler.step.audit;

import com.spurlab.core.dataset.SampleRecord;
import com.spurlab.inference.audit.EditedImage;
import com.spurlab.inference.edit.EditSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An EDIT run upstream of an audit, as the audit takes it (its EDIT_SET artifact): which dataset version the audit
 * reads its samples from, and the run's pairs matched to the audited samples, for counterfactual consistency and
 * ODmAP@k.
 *
 * <p>The version: an EDIT run derives a version whose edited split holds the edits only (the other splits shared), and
 * steps downstream work on it by default. Audited as such, its "originals" would be the counterfactuals themselves and
 * the split would lack every image the EDIT run left out. So when the audit would work on the EDIT run's edited
 * version, it reads the EDIT run's source version instead: the originals as the population, the edits as their pairs.
 * A version the plan names (or another derived one, whose samples link to the source's by origin) is audited as named.
 *
 * @param editRunId the EDIT run, or {@code null} when the artifact names none
 */
record UpstreamEdit(EditSet set, Long editRunId) {

    /** The pairs that matched the audited samples, and what the report must say about the rest. */
    record Matched(List<EditedImage> edits, List<String> notes) {
    }

    /** The version to audit: the EDIT run's source when the job would work on its edited version. */
    long auditedVersion(long working) {
        return working == set.editedVersionId() ? set.sourceVersionId() : working;
    }

    String operation() {
        return set.operation().name();
    }

    /**
     * The pairs whose original is an audited sample: the same sample, or one that a derived version shared from it
     * ({@code originSampleId}).
     *
     * @param split   the audited split
     * @param cue     the audited cue
     * @param samples the audited version's samples
     * @param audited ids of the samples that are audited (those with a value of the cue)
     */
    Matched match(String split, String cue, List<SampleRecord> samples, Set<String> audited) {
        List<String> notes = new ArrayList<>();
        String run = editRunId == null ? "the EDIT run upstream" : "EDIT run " + editRunId;
        if (!set.split().equals(split)) {
            notes.add(run + " edited the " + set.split() + " split, not the audited " + split + " split: its edits are"
                    + " not used; audit the " + set.split() + " split for counterfactual consistency and ODmAP@k");
            return new Matched(List.of(), notes);
        }
        if (!set.cue().equals(cue)) {
            notes.add(run + " edited " + set.cue() + " while this audit's cue is " + cue + ": counterfactual"
                    + " consistency and ODmAP@k measure that edit, grouped by " + cue);
        }
        Map<String, Long> byOriginal = new HashMap<>();
        samples.stream().filter(s -> s.split().equals(split)).forEach(s -> byOriginal.put(String.valueOf(s.id()), s.id()));
        samples.stream().filter(s -> s.split().equals(split) && s.originSampleId() != null)
                .forEach(s -> byOriginal.putIfAbsent(String.valueOf(s.originSampleId()), s.id()));
        List<EditedImage> edits = new ArrayList<>();
        for (EditSet.Pair p : set.pairs()) {
            Long sample = byOriginal.get(p.originalSampleId());
            if (sample != null && audited.contains(String.valueOf(sample))) {
                edits.add(new EditedImage(String.valueOf(sample), p.editedFile(), p.controlFile()));
            }
        }
        int missing = set.pairs().size() - edits.size();
        if (edits.isEmpty() && missing > 0) {
            notes.add("none of the " + missing + " edits of " + run + " (of dataset version " + set.sourceVersionId()
                    + ") is of an audited sample: no counterfactual consistency or ODmAP@k");
        } else if (missing > 0) {
            notes.add(missing + " of the " + set.pairs().size() + " edits of " + run + " are of samples this audit"
                    + " leaves out (another version's, or without a value of the cue): they are not used");
        }
        return new Matched(edits, notes);
    }
}
