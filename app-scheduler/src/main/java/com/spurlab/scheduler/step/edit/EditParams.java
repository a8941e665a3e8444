package com.spurlab.scheduler.step.edit;

import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.step.Described;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.EditRequest;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** EDIT's parameters; cue, operation and masks get plan-dependent defaults (see {@link EditPlanning}). */
public record EditParams(
        @Pattern(regexp = EditParams.CUE_PATTERN, message = "must be a cue name: attribute:<name>, "
                + "attribute:<name>=<value>, keyword:<word>, text:<word> or mask")
        @Described("The cue edited: attribute:<name> (each image's value swapped for another), "
                + "attribute:<name>=<value> (images of that value only), keyword:<word> (a caption word that names the "
                + "background), text:<word> (a word printed in the image, read by OCR) or mask (the background outside "
                + "the foreground mask). Default: the top cue of an EXTRACT step this one depends on (the first that "
                + "names a region), else the attribute the dataset's composition flags most strongly as a cue.")
        String cue,
        @Described("REPLACE_BACKGROUND (the foreground onto a background of another value of the cue), "
                + "REMOVE_BACKGROUND (a neutral grey background), INPAINT (a printed word filled from its surroundings) "
                + "or ADD_CUE (the cue pasted onto images of the other labels). Default: INPAINT for a text: cue, "
                + "REPLACE_BACKGROUND otherwise.")
        EditOperation operation,
        @Described("The split whose images are edited; the edited version shares the other splits unchanged. "
                + "Default: TEST.")
        DataSplit split,
        @DecimalMin("0") @DecimalMax("0.5") @Described("The cue is confirmed when the flip rate's 95 % interval starts "
                + "more than this above the control edit's flip rate.")
        Double margin,
        @Min(0) @Described("Seeds the choice of donor images and control places: the same seed "
                + "gives the same edits.")
        Long seed,
        @Pattern(regexp = ".{1,200}", message = "must be one of the dataset's labels")
        @Described("ADD_CUE: the label the cue goes with (images of the other labels get it). Default: the label whose "
                + "training images carry the cue most often.")
        String cueLabel,
        @Described("Where images of the split without a manifest mask get a foreground mask (background cues): "
                + "MANIFEST (nowhere: they are left out), ONNX_MODEL (the operator's segmentation model, "
                + "spurlab.edit.segmentation-model) or LEARNED (a small network trained on the version's manifest masks; "
                + "it takes the node's training engine). Default: ONNX_MODEL when one is configured, else LEARNED when "
                + "the version has at least 20 masks and some image of the split has none, else MANIFEST.")
        MaskOrigin masks) {

    static final String CUE_PATTERN = "attribute:[^=]+(=.+)?|text:.+|keyword:.+|slice:\\d+|mask";

    public EditParams {
        cue = cue == null || cue.isBlank() ? null : cue.strip();
        split = split == null ? DataSplit.TEST : split;
        margin = margin == null ? EditRequest.DEFAULT_MARGIN : margin;
        seed = seed == null ? 42L : seed;
        cueLabel = cueLabel == null || cueLabel.isBlank() ? null : cueLabel.strip();
    }

    EditParams with(String newCue, EditOperation newOperation, MaskOrigin newMasks) {
        return new EditParams(newCue, newOperation, split, margin, seed, cueLabel, newMasks);
    }
}
