package com.spurlab.scheduler.step.edit;

import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DatasetService.SplitContents;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.inference.edit.EditCue;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * EDIT's plan-time rules: the defaults that depend on the dataset and the steps upstream, and the refusals (400s) that
 * can be known before anything runs. What only the images tell (a keyword no caption holds, a printed word OCR does
 * not read, a mask of the wrong size) fails the job with the engine's message instead.
 *
 * <p>The training engine: EDIT computes gradients only when it trains a segmentation network, i.e. when
 * {@code masks} is LEARNED and the cue is a background cue. The default makes it LEARNED exactly when no ONNX model is
 * configured, the version holds at least {@value SegmentationSettings#DEFAULT_MIN_MASKS} manifest masks and some
 * image of the edited split has none, which is {@code CueConfirmation.recordsGradients} read from the split's counts
 * (it looks at the images that carry a value of the cue; the plan sees the whole split, so it may hold the slot for
 * a run whose carriers all turn out to have masks, never the other way round). With the cue left to an upstream
 * EXTRACT, the cue's kind is unknown at plan time and a LEARNED plan holds the slot.
 */
final class EditPlanning {

    /** Attributes an upstream step derives (EXTRACT's inferred cue) are named {@code cue:...}; unknown at plan time. */
    private static final String INFERRED_PREFIX = "cue:";

    private EditPlanning() {
    }

    /**
     * @param split          what the edited split holds (samples, masks, captions)
     * @param versionMasks   manifest masks in the whole version (what a network could learn from)
     * @param onnxConfigured whether the operator configured a segmentation model
     */
    static EditParams prepare(EditParams p, PlanContext plan, SplitContents split, int versionMasks,
                              boolean onnxConfigured) {
        String splitName = p.split().key();
        if (!plan.derivedUpstream() && !plan.hasSplit(splitName)) {
            throw plan.invalid("dataset version " + plan.dataset().id() + " has no " + splitName + " split to edit");
        }
        String cueName = p.cue() != null ? p.cue() : defaultCue(plan);
        if (cueName == null) {
            // An upstream EXTRACT names the cue when it has run: the operation follows from it then.
            requireOperationWithoutCue(p, plan);
            return p.with(null, p.operation(), masks(p, plan, null, split, versionMasks, onnxConfigured));
        }
        EditCue cue = parse(cueName, plan);
        EditOperation operation = p.operation() != null ? p.operation() : cue.defaultOperation();
        try {
            cue.requireSuits(operation);
        } catch (IllegalArgumentException e) {
            throw plan.invalid(e.getMessage());
        }
        if (operation == EditOperation.ADD_CUE && cue.kind() == EditCue.Kind.ATTRIBUTE && cue.value() == null) {
            throw plan.invalid("ADD_CUE pastes one value of the cue: name it, e.g. " + cue + "=<value>");
        }
        if (operation == EditOperation.ADD_CUE && cue.kind() == EditCue.Kind.MASK && p.cueLabel() == null) {
            throw plan.invalid("ADD_CUE with the mask cue pastes the background of one label's images: give cueLabel");
        }
        if (p.cueLabel() != null && !plan.labels().isEmpty() && !plan.labels().contains(p.cueLabel())) {
            throw plan.invalid("cueLabel '" + p.cueLabel() + "' is not a label of dataset version "
                    + plan.dataset().id() + "; its labels are " + plan.labels());
        }
        if (cue.kind() == EditCue.Kind.ATTRIBUTE) {
            requireAttribute(cue, operation, splitName, plan);
        }
        if (cue.kind() == EditCue.Kind.KEYWORD && split.samples() > 0 && split.captioned() == 0) {
            throw plan.invalid("the cue " + cue + " names no sample of split " + splitName + ": its images have no"
                    + " captions, and a keyword: cue is read in the captions");
        }
        return p.with(cue.toString(), operation, masks(p, plan, cue, split, versionMasks, onnxConfigured));
    }

    /** The cue when the plan can tell; null when an upstream EXTRACT will name it. */
    private static String defaultCue(PlanContext plan) {
        if (plan.upstream().contains(ArtifactType.CUES)) {
            return null;
        }
        Composition c = plan.dataset().composition();
        return plan.strongestSuspectedCue()
                .or(() -> c == null ? Optional.empty() : c.byAttribute().entrySet().stream()
                        .max(Comparator.comparingDouble(e -> e.getValue().cramersV())).map(Map.Entry::getKey))
                .map(a -> "attribute:" + a)
                .orElseThrow(() -> plan.invalid("dataset version " + plan.dataset().id() + " has no attribute whose"
                        + " values could be edited, and no EXTRACT step upstream names a cue; name the cue"
                        + " (attribute:<name>, keyword:<word>, text:<word> or mask)"));
    }

    private static void requireOperationWithoutCue(EditParams p, PlanContext plan) {
        if (p.operation() == EditOperation.ADD_CUE) {
            throw plan.invalid("ADD_CUE pastes one value of a cue: name the cue rather than leave it to EXTRACT");
        }
    }

    private static EditCue parse(String name, PlanContext plan) {
        try {
            return EditCue.parse(name);
        } catch (IllegalArgumentException e) {
            throw plan.invalid(e.getMessage());
        }
    }

    /** An attribute cue names an attribute (and value) the split's images carry, and enough values to swap. */
    private static void requireAttribute(EditCue cue, EditOperation operation, String split, PlanContext plan) {
        if (plan.derivedUpstream() && cue.name().startsWith(INFERRED_PREFIX)) {
            return;
        }
        if (!plan.attributes().contains(cue.name())) {
            throw plan.invalid("the cue " + cue + " names attribute '" + cue.name() + "' which dataset version "
                    + plan.dataset().id() + " does not have; it has " + plan.attributes());
        }
        Composition.AttributeComposition attribute = plan.dataset().composition().byAttribute().get(cue.name());
        Map<String, Map<String, Integer>> byLabel = attribute == null ? null : attribute.counts().get(split);
        if (byLabel == null) {
            return;
        }
        TreeSet<String> values = new TreeSet<>();
        byLabel.values().forEach(counts -> counts.forEach((value, n) -> {
            if (n > 0) {
                values.add(value);
            }
        }));
        if (cue.value() != null && !values.contains(cue.value())) {
            throw plan.invalid("the cue " + cue + " names no sample of split " + split + ": its values there are "
                    + values);
        }
        if (operation == EditOperation.REPLACE_BACKGROUND && values.size() < 2) {
            throw plan.invalid("REPLACE_BACKGROUND takes a background from an image of another value of " + cue
                    + ", but split " + split + " has only " + values);
        }
    }

    /** The masks default (class javadoc) and the refusals when a background cue can get none. */
    private static MaskOrigin masks(EditParams p, PlanContext plan, EditCue cue, SplitContents split, int versionMasks,
                                    boolean onnxConfigured) {
        boolean background = cue == null || cue.isBackground();
        int minimum = SegmentationSettings.DEFAULT_MIN_MASKS;
        if (!background) {
            return p.masks() == null ? MaskOrigin.MANIFEST : p.masks();
        }
        if (p.masks() == MaskOrigin.ONNX_MODEL && !onnxConfigured) {
            throw plan.invalid("masks ONNX_MODEL needs a segmentation model, and none is configured"
                    + " (spurlab.edit.segmentation-model); choose LEARNED or MANIFEST");
        }
        if (p.masks() == MaskOrigin.LEARNED && versionMasks < minimum) {
            throw plan.invalid("masks LEARNED trains a segmentation network on manifest masks and needs at least "
                    + minimum + "; dataset version " + plan.dataset().id() + " has " + versionMasks);
        }
        MaskOrigin chosen = p.masks() != null ? p.masks() : onnxConfigured ? MaskOrigin.ONNX_MODEL
                : versionMasks >= minimum && split.masked() < split.samples() ? MaskOrigin.LEARNED : MaskOrigin.MANIFEST;
        if (chosen == MaskOrigin.MANIFEST && split.samples() > 0 && split.masked() == 0 && cue != null) {
            throw plan.invalid("editing the background cue " + cue + " needs foreground masks and no image of split " + p.split().key()
                    + " has one: supply a mask column in the manifest, configure an ONNX segmentation model"
                    + " (spurlab.edit.segmentation-model), or supply masks for at least " + minimum + " samples so"
                    + " SpurLab trains a segmentation network (" + versionMasks + " supplied)");
        }
        return chosen;
    }

    /** The version's manifest masks over its splits. */
    static int maskCount(List<SplitContents> splits) {
        return splits.stream().mapToInt(SplitContents::masked).sum();
    }
}
