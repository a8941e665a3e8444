package com.spurlab.scheduler.step.extract;

import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.step.Described;
import com.spurlab.inference.extract.CueSource;
import com.spurlab.inference.extract.ExtractionSettings;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/** EXTRACT's parameters; a left-out one takes the engine's default ({@link ExtractionSettings#defaults()}). */
public record ExtractParams(
        @Described("The split whose errors are examined: VAL (default), TEST or TRAIN.")
        DataSplit split,
        @Described("Where to look for cues: ATTRIBUTES (annotated values), KEYWORDS (captions), TEXT (words printed in "
                + "the images, read by OCR), SLICES (clusters of the model's errors), SALIENCY (input gradients outside "
                + "the foreground mask; needs masks and the node's training slot). Default: every source the data "
                + "supports.")
        List<CueSource> sources,
        @Min(1) @Max(MAX_EVIDENCE) @Described("Evidence images kept per cue: errors that carry it, most confident first.")
        Integer evidence,
        @Min(1) @Max(MAX_CUES) @Described("Cues kept, best first.")
        Integer maxCues,
        @Min(0) @Described("Seeds the choice of images measured and the clustering: the same seed gives the same cues.")
        Long seed,
        @Pattern(regexp = DERIVE_PATTERN, message = "must be TOP or a cue name (attribute:<name>=<value>, keyword:<word>,"
                + " text:<word> or slice:<n>)")
        @Described("Turns a cue into an inferred yes/no attribute cue:<cue> of a derived dataset version (every split), "
                + "which the steps after this one work on, e.g. GROUP_DRO with groupBy cue:text:sale. A cue name, or TOP "
                + "for the best-ranked cue that is a property of a sample (not mask). Default: none.")
        String deriveAttribute) {

    static final int MAX_EVIDENCE = 50;
    static final int MAX_CUES = 200;
    /** The best-ranked cue, whatever it turns out to be. */
    static final String TOP = "TOP";
    static final String DERIVE_PATTERN = "TOP|attribute:[^=]+=.+|keyword:.+|text:.+|slice:\\d+";

    public ExtractParams {
        ExtractionSettings d = ExtractionSettings.defaults();
        split = split == null ? DataSplit.VAL : split;
        sources = sources == null || sources.isEmpty() ? null : sources.stream().distinct().sorted().toList();
        evidence = evidence == null ? d.evidencePerCue() : evidence;
        maxCues = maxCues == null ? d.maxCues() : maxCues;
        seed = seed == null ? d.seed() : seed;
        deriveAttribute = deriveAttribute == null || deriveAttribute.isBlank() ? null : deriveAttribute.strip();
    }

    ExtractParams withSources(List<CueSource> used) {
        return new ExtractParams(split, used, evidence, maxCues, seed, deriveAttribute);
    }

    /** The engine's settings for these parameters (reference and saliency sizes, OCR side: the engine's defaults). */
    ExtractionSettings settings() {
        ExtractionSettings d = ExtractionSettings.defaults();
        return new ExtractionSettings(seed, maxCues, evidence, d.textReferencePerLabel(), d.saliencyPerLabel(),
                d.detectionSide());
    }
}
