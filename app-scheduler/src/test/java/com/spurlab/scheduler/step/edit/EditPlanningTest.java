package com.spurlab.scheduler.step.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.dataset.Composition;
import com.spurlab.core.dataset.DataSplit;
import com.spurlab.core.dataset.DatasetService.SplitContents;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.step.ArtifactType;
import com.spurlab.core.step.PlanContext;
import com.spurlab.core.step.StepResources;
import com.spurlab.inference.edit.EditOperation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EditPlanningTest {

    private static final EditParams DEFAULTS = new EditParams(null, null, null, null, null, null, null);
    private static final SplitContents ALL_MASKED = new SplitContents(120, 120, 120);
    private static final SplitContents HALF_MASKED = new SplitContents(120, 120, 60);
    private static final SplitContents NO_MASKS = new SplitContents(120, 0, 0);
    private static final EditStep STEP = new EditStep(null, null, null, null, null, new EditSettings(null));

    /** Sandals and sneakers on warm or cool backgrounds (no val split); the test split only warm ones when {@code oneValue}. */
    private static PlanContext plan(boolean oneValue, Set<ArtifactType> upstream) {
        Map<String, Map<String, Integer>> test = oneValue
                ? Map.of("sandal", Map.of("warm", 60), "sneaker", Map.of("warm", 60))
                : Map.of("sandal", Map.of("warm", 30, "cool", 30), "sneaker", Map.of("warm", 30, "cool", 30));
        Composition.AttributeComposition background = new Composition.AttributeComposition(Map.of("train",
                Map.of("sandal", Map.of("warm", 135, "cool", 15), "sneaker", Map.of("warm", 15, "cool", 135)),
                "test", test), 0.8, 0.5, true, Map.of());
        Composition composition = new Composition(Map.of("train", 300, "val", 0, "test", 120),
                List.of("sandal", "sneaker"), Map.of("background", List.of("cool", "warm")),
                Map.of("background", background));
        DatasetVersionView version = new DatasetVersionView(7, 1, "shoes", 1, DatasetStatus.READY, "spurlab-manifest",
                "shoes.zip", 1, 500, "lead", null, null, null, composition, 1, null, 7);
        return new PlanContext("step 2 (EDIT)", version, false, List.of(), upstream);
    }

    private static PlanContext plan() {
        return plan(false, Set.of(ArtifactType.MODEL, ArtifactType.DATASET_VERSION));
    }

    private static EditParams params(String cue, EditOperation operation, MaskOrigin masks) {
        return new EditParams(cue, operation, null, null, null, null, masks);
    }

    @Test
    void defaultsAreTheCompositionsCueAndASwapOfItsBackgroundOnTheTestSplitWithManifestMasks() {
        EditParams p = EditPlanning.prepare(DEFAULTS, plan(), ALL_MASKED, 500, false);

        assertThat(p.cue()).isEqualTo("attribute:background");
        assertThat(p.operation()).isEqualTo(EditOperation.REPLACE_BACKGROUND);
        assertThat(p.split()).isEqualTo(DataSplit.TEST);
        assertThat(p.margin()).isEqualTo(0.05);
        assertThat(p.seed()).isEqualTo(42L);
        assertThat(p.masks()).isEqualTo(MaskOrigin.MANIFEST);
        assertThat(STEP.resources(p)).isEqualTo(StepResources.MODEL);
        assertThat(EditPlanning.prepare(params("text:sale", null, null), plan(), NO_MASKS, 0, false).operation())
                .isEqualTo(EditOperation.INPAINT);
    }

    @Test
    void theTrainingSlotIsTakenExactlyWhenASegmentationNetworkWillLearnFromTheManifestMasks() {
        EditParams learned = EditPlanning.prepare(DEFAULTS, plan(), HALF_MASKED, 260, false);
        assertThat(learned.masks()).isEqualTo(MaskOrigin.LEARNED);
        assertThat(STEP.resources(learned)).isEqualTo(StepResources.TRAINING);

        // Too few masks to learn from, an ONNX model configured, or a printed word: no gradients.
        assertThat(EditPlanning.prepare(DEFAULTS, plan(), HALF_MASKED, 19, false).masks()).isEqualTo(MaskOrigin.MANIFEST);
        EditParams onnx = EditPlanning.prepare(DEFAULTS, plan(), HALF_MASKED, 260, true);
        assertThat(onnx.masks()).isEqualTo(MaskOrigin.ONNX_MODEL);
        assertThat(STEP.resources(onnx)).isEqualTo(StepResources.MODEL);
        EditParams text = EditPlanning.prepare(params("text:sale", null, null), plan(), HALF_MASKED, 260, false);
        assertThat(text.masks()).isEqualTo(MaskOrigin.MANIFEST);
        assertThat(STEP.resources(params("text:sale", EditOperation.INPAINT, MaskOrigin.LEARNED)))
                .isEqualTo(StepResources.MODEL);

        // A cue left to EXTRACT may be a background: a LEARNED plan holds the slot.
        EditParams later = EditPlanning.prepare(DEFAULTS, plan(false, Set.of(ArtifactType.MODEL, ArtifactType.CUES)),
                HALF_MASKED, 260, false);
        assertThat(later.cue()).isNull();
        assertThat(later.operation()).isNull();
        assertThat(STEP.resources(later)).isEqualTo(StepResources.TRAINING);
    }

    @Test
    void aCueNamingNoSampleAndAnOperationThatDoesNotFitItAreRefusedNamingWhatToDo() {
        assertThatThrownBy(() -> EditPlanning.prepare(params("attribute:weather", null, null), plan(), ALL_MASKED, 500,
                false)).isInstanceOf(InvalidRequestException.class).hasMessage("step 2 (EDIT): the cue attribute:weather"
                + " names attribute 'weather' which dataset version 7 does not have; it has [background]");
        assertThatThrownBy(() -> EditPlanning.prepare(params("attribute:background=purple", null, null), plan(),
                ALL_MASKED, 500, false)).hasMessage("step 2 (EDIT): the cue attribute:background=purple names no sample"
                + " of split test: its values there are [cool, warm]");
        assertThatThrownBy(() -> EditPlanning.prepare(params("attribute:background", EditOperation.INPAINT, null),
                plan(), ALL_MASKED, 500, false)).hasMessage("step 2 (EDIT): INPAINT fills a printed word's boxes (a text:"
                + " cue); for attribute:background, a background cue, use REMOVE_BACKGROUND or REPLACE_BACKGROUND");
        assertThatThrownBy(() -> EditPlanning.prepare(params("text:sale", EditOperation.REPLACE_BACKGROUND, null),
                plan(), ALL_MASKED, 500, false)).hasMessageContaining("use INPAINT or ADD_CUE");
        assertThatThrownBy(() -> EditPlanning.prepare(params("slice:2", null, null), plan(), ALL_MASKED, 500, false))
                .hasMessageContaining("no region to edit");
        assertThatThrownBy(() -> EditPlanning.prepare(DEFAULTS, plan(true, Set.of(ArtifactType.MODEL)), ALL_MASKED, 500,
                false)).hasMessage("step 2 (EDIT): REPLACE_BACKGROUND takes a background from an image of another value"
                + " of attribute:background, but split test has only [warm]");
        assertThatThrownBy(() -> EditPlanning.prepare(params("attribute:background", EditOperation.ADD_CUE, null),
                plan(), ALL_MASKED, 500, false)).hasMessageContaining("name it, e.g. attribute:background=<value>");
        assertThatThrownBy(() -> EditPlanning.prepare(params("keyword:beach", null, null), plan(), NO_MASKS, 0, false))
                .hasMessageContaining("its images have no captions");
        assertThatThrownBy(() -> EditPlanning.prepare(new EditParams(null, null, null, null, null, "boot", null), plan(),
                ALL_MASKED, 500, false)).hasMessageContaining("cueLabel 'boot' is not a label");
        assertThatThrownBy(() -> EditPlanning.prepare(new EditParams(null, null, DataSplit.VAL, null, null, null, null),
                plan(false, Set.of()), ALL_MASKED, 500, false)).hasMessageContaining("has no val split to edit");
    }

    @Test
    void aBackgroundCueWithoutMasksOrAnythingToLearnThemFromIsRefusedSayingWhatToSupply() {
        assertThatThrownBy(() -> EditPlanning.prepare(DEFAULTS, plan(), NO_MASKS, 3, false))
                .hasMessage("step 2 (EDIT): editing the background cue attribute:background needs foreground masks and"
                        + " no image of split test has one: supply a mask column in the manifest, configure an ONNX"
                        + " segmentation model (spurlab.edit.segmentation-model), or supply masks for at least 20"
                        + " samples so SpurLab trains a segmentation network (3 supplied)");
        assertThatThrownBy(() -> EditPlanning.prepare(params(null, null, MaskOrigin.ONNX_MODEL), plan(), NO_MASKS, 0,
                false)).hasMessageContaining("none is configured (spurlab.edit.segmentation-model)");
        assertThatThrownBy(() -> EditPlanning.prepare(params(null, null, MaskOrigin.LEARNED), plan(), HALF_MASKED, 5,
                false)).hasMessageContaining("needs at least 20; dataset version 7 has 5");
        // Masks elsewhere in the version teach a network for the split: not refused.
        assertThat(EditPlanning.prepare(DEFAULTS, plan(), NO_MASKS, 300, false).masks()).isEqualTo(MaskOrigin.LEARNED);
    }
}
