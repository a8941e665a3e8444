package com.spurlab.scheduler.step.synth;

import com.spurlab.core.step.Described;
import com.spurlab.inference.synth.SynthesisMethod;
import com.spurlab.inference.synth.SynthesisRequest;
import com.spurlab.inference.train.TrainingLimits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/** SYNTHESIZE's parameters; a left-out one takes the engine's default. */
public record SynthesizeParams(
        @Pattern(regexp = "(attribute|keyword|text|cue):.+", message = "must name a cue: attribute:<name>,"
                + " keyword:<word>, text:<word> or cue:<a cue EXTRACT turned into an attribute>")
        @Described("The cue whose label × value groups are filled. Default: the cue an EDIT step upstream confirmed, "
                + "else the first cue an EXTRACT step upstream ranked that can be recombined, else the attribute the "
                + "dataset's composition flags most strongly.")
        String cue,
        @Described("RECOMBINE: EDIT's operations on training images (foreground on another background, a printed word "
                + "inpainted away or laid on), each result augmented.")
        SynthesisMethod method,
        @DecimalMin("0.01") @DecimalMax("1") @Described("Each group is filled up to this share of its label's largest "
                + "group (1: as large as it).")
        Double targetShare,
        @Min(1) @Max(SynthesisRequest.MAX_ADDED) @Described("At most this many new images; when the groups ask for "
                + "more, each gets its proportional share.")
        Integer maxAdded,
        @Min(0) @Described("Seeds every choice (sources, donors, placements, augmentation): the same seed gives the "
                + "same images.")
        Long seed,
        @Pattern(regexp = TrainingLimits.AUGMENTATION_PATTERN, message = "must be none or a comma list of flip, "
                + "crop[=pixels], jitter[=strength below 1], e.g. 'flip,crop=4,jitter=0.2'")
        @Described("Applied to every new image so it is no near-copy of its source: none, or e.g. flip,crop=4,jitter=0.2.")
        String augmentation,
        @Described("The model that judges the new images: AUTO (the model upstream unless it is plain ERM, which "
                + "learned the cue; else a GroupDRO model trained here), UPSTREAM, TRAIN or NONE.")
        QualityModel qualityModel,
        @Min(1) @Max(50) @Described("Epochs of the GroupDRO model trained here to judge the new images (qualityModel "
                + "TRAIN).")
        Integer qualityEpochs) {

    public SynthesizeParams {
        SynthesisRequest d = SynthesisRequest.of("attribute:default");
        cue = cue == null || cue.isBlank() ? null : cue.strip();
        method = method == null ? d.method() : method;
        targetShare = targetShare == null ? d.targetShare() : targetShare;
        maxAdded = maxAdded == null ? d.maxAdded() : maxAdded;
        seed = seed == null ? d.seed() : seed;
        augmentation = augmentation == null ? d.augmentation().toString()
                : augmentation.replace(" ", "").toLowerCase(Locale.ROOT);
        qualityModel = qualityModel == null ? QualityModel.AUTO : qualityModel;
        qualityEpochs = qualityEpochs == null ? 5 : qualityEpochs;
    }

    SynthesizeParams with(String newCue, QualityModel model) {
        return new SynthesizeParams(newCue, method, targetShare, maxAdded, seed, augmentation, model, qualityEpochs);
    }
}
