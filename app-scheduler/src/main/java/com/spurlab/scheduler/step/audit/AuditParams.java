package com.spurlab.scheduler.step.audit;

import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.step.Described;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** AUDIT's parameters. */
public record AuditParams(
        @Pattern(regexp = AuditParams.CUE_PATTERN, message = "must be a cue name: attribute:<name>, "
                + "attribute:<name>=<value>, text:<word>, keyword:<word>, slice:<n> or mask")
        @Described("The cue audited: attribute:<name> (each of its values), attribute:<name>=<value> (that value "
                + "against the rest), keyword:<word> (in the caption) or text:<word> (printed in the image, read by OCR)."
                + " Default: the attribute the dataset's composition flags most strongly as a cue.")
        String cue,
        @Described("The split audited. Default: TEST.")
        DataSplit split,
        @Min(1) @Max(MAX_K) @Described("ODmAP@k: items retrieved per query (used when an EDIT run is given).")
        Integer k,
        @Min(MIN_PERMUTATIONS) @Max(MAX_PERMUTATIONS) @Described("Random re-partitions of each permutation test when "
                + "enumerating every partition would take more than 100 000.")
        Integer permutations,
        @Min(0) @Described("Seeds concept-set sampling, permutations and bootstraps: the same seed gives the same report.")
        Long seed) {

    static final String CUE_PATTERN = "attribute:[^=]+(=.+)?|text:.+|keyword:.+|slice:\\d+|mask";
    static final int MAX_K = 100;
    /** The engine's floor (AssociationSettings) and DESIGN's "at least 10 000 samples" as the default. */
    static final int MIN_PERMUTATIONS = 1_000;
    static final int MAX_PERMUTATIONS = 1_000_000;

    public AuditParams {
        cue = cue == null || cue.isBlank() ? null : cue.strip();
        split = split == null ? DataSplit.TEST : split;
        k = k == null ? 10 : k;
        permutations = permutations == null ? 10_000 : permutations;
        seed = seed == null ? 42L : seed;
    }

    AuditParams withCue(String name) {
        return new AuditParams(name, split, k, permutations, seed);
    }
}
