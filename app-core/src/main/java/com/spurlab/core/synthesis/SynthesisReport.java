package com.spurlab.core.synthesis;

import java.util.List;
import java.util.Map;

/**
 * What a SYNTHESIZE run stored: DESIGN's {@code {datasetVersionId, cue, added, groupsBefore, groupsAfter,
 * quality: {labelConsistency, frechetDistance, diversity, nearDuplicates}}} and what a reader needs to trust it.
 * A figure that does not exist is null (no NaN in JSON).
 *
 * @param datasetVersionId the derived version (train enlarged, val and test shared with the source)
 * @param sourceVersionId  the version it was derived from
 * @param datasetVersionLabel the derived version's name and number, e.g. {@code shoes-synthesize v1}
 * @param sourceVersionLabel  the source's, e.g. {@code shoes v2}
 * @param cue              the cue whose groups were filled, as DESIGN names cues
 * @param cueFrom          where the cue came from: PARAMETER, EDIT (run n confirmed it), EXTRACT (run n ranked it
 *                         first), COMPOSITION (the attribute the composition flags most strongly)
 * @param attribute        the attribute carrying the cue's values in the derived version
 * @param added            new training images
 * @param groupsBefore     training images per {@code "<label>|<value>"} before
 * @param groupsAfter      the same after
 * @param association      the cue's association with the label on the training split, before and after
 * @param fills            per group: before, target, added and how
 * @param quality          quality figures (null when no model judged them: {@code qualityModel} NONE)
 * @param nearDuplicates   share of new images a perceptual hash finds near-identical to another training image of
 *                         their label; also in {@code quality}
 * @param examples         a few new images per filled group with their sources, for people to look at
 * @param report           what could not be done and why
 * @param timings          milliseconds per phase
 */
public record SynthesisReport(long datasetVersionId, long sourceVersionId, String datasetVersionLabel,
                              String sourceVersionLabel, String cue, String cueFrom, String attribute,
                              String method, int added, Map<String, Integer> groupsBefore, Map<String, Integer> groupsAfter,
                              Association association, List<Fill> fills, Quality quality, Double nearDuplicates,
                              List<Example> examples, Settings settings, List<String> report, Map<String, Long> timings) {

    public SynthesisReport {
        groupsBefore = Map.copyOf(groupsBefore);
        groupsAfter = Map.copyOf(groupsAfter);
        fills = List.copyOf(fills);
        examples = List.copyOf(examples);
        report = List.copyOf(report);
        timings = Map.copyOf(timings);
    }

    /** Cramér's V of the cue's value against the label on the training split (0: the cue says nothing of the label). */
    public record Association(double before, double after) {
    }

    /** One label × cue-value group. */
    public record Fill(String group, int before, int target, int added, String operation) {
    }

    /**
     * DESIGN's quality figures and their context.
     *
     * @param labelConsistency  share of new images the judging model predicts as their label
     * @param frechetDistance   Fréchet distance real ↔ new images of the same group in the model's embedding space,
     *                          mean over filled groups weighted by new images
     * @param frechetOtherValue the same between the group's real images and the real images of its label with
     *                          another value (what the new images should come closer than)
     * @param diversity         mean pairwise embedding distance among the new images of a group (weighted mean)
     * @param realDiversity     the same among the real images of the group
     * @param nearDuplicates    share of new images that are near-copies of another training image of their label
     * @param modelRunId        the training run of the judging model
     * @param modelMethod       how it was trained (GROUP_DRO, DFR ...)
     * @param modelTrainedHere  true when this run trained it (no model upstream)
     */
    public record Quality(Double labelConsistency, Double frechetDistance, Double frechetOtherValue, Double diversity,
                          Double realDiversity, Double nearDuplicates, Long modelRunId, String modelMethod,
                          boolean modelTrainedHere, List<GroupQuality> groups) {

        public Quality {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }
    }

    /** The quality figures of one filled group. */
    public record GroupQuality(String group, int real, int added, Double labelConsistency, Double frechetDistance,
                               Double frechetOtherValue, Double diversity, Double realDiversity) {
    }

    /**
     * A new image and where it came from.
     *
     * @param sampleId  its sample id in the derived version
     * @param sources   sample ids in the source version: the image whose content it keeps, then the donor, if any
     */
    public record Example(long sampleId, String group, String operation, List<Long> sources, long seed,
                          String augmentation) {

        public Example {
            sources = List.copyOf(sources);
        }
    }

    /** The parameters the run used. */
    public record Settings(double targetShare, int maxAdded, long seed, String augmentation) {
    }
}
