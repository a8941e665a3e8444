package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.edit.mask.MaskSource;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The confirmation run on the shared generator's background-cue set with masks (sandal vs sneaker on
 * warm or cool backgrounds, 90 % agreement in training, balanced test), against ERM and GroupDRO models.
 */
class CueConfirmationTest {

    @TempDir
    static Path dir;
    static CueSetSamples set;
    static List<EditSample> samples;
    static Path erm;
    static Path groupDro;

    @BeforeAll
    static void trainBothModels() throws IOException {
        set = CueSetSamples.of(CueSetPreset.BACKGROUND_MASKS.tiny(), dir);
        samples = set.samples();
        erm = train(TrainingMethod.ERM);
        groupDro = train(TrainingMethod.GROUP_DRO);
    }

    private static Path train(TrainingMethod method) {
        CueSetSplits s = set.splits();
        TrainingSettings settings = new TrainingSettings(method, s.classNames(), 32, 3, 32, 3e-3f, 5L,
                MethodOptions.defaults());
        return new ClassifierTrainer().train(settings, s.train(), s.validation(), dir.resolve(method.name()),
                TrainingProgress.NONE).modelDir();
    }

    private static EditResult run(Path model, EditRequest request, String out) {
        return new CueConfirmation(new ClassifierEvaluator()).run(request, samples, List.of(), model, dir.resolve(out),
                SegmentationSettings.defaults(), EditProgress.NONE);
    }

    @Test
    void swappingTheBackgroundFlipsTheErmModelFarMoreThanTheControlAndConfirmsTheCue() throws IOException {
        EditResult r = run(erm, EditRequest.of(1, "attribute:background", EditOperation.REPLACE_BACKGROUND), "erm");
        System.out.printf("ERM: n %d correct %d flipped %d rate %.3f [%.3f, %.3f] control %.3f (%d)%n", r.n(),
                r.correctBefore(), r.flipped(), r.flipRate(), r.ciLow(), r.ciHigh(), r.controlFlipRate(), r.controlN());

        assertThat(r.n()).isEqualTo(120);
        assertThat(r.correctBefore()).isGreaterThan(50);
        assertThat(r.flipRate()).isGreaterThan(r.controlFlipRate() + 0.2);
        assertThat(r.confirmed()).isTrue();
        Map<String, String> before = samples.stream().collect(Collectors.toMap(EditSample::sampleId,
                s -> s.attributes().get("background")));
        assertThat(r.items()).allSatisfy(i -> assertThat(i.attributes().get("background"))
                .isNotEqualTo(before.get(i.sourceSampleId())));

        // The generator's true counterfactual twins (same garment and place, other background): the model must
        // answer our edits as it answers them, or the edit changed more than the cue.
        GeneratedCueSet twins = CueSetGenerator.writeCounterfactual(CueSetGenerator.DEFAULT_SOURCE,
                dir.resolve("twins.zip"), CueSetPreset.BACKGROUND_MASKS.tiny(), "test");
        Map<String, Integer> onTwins = new ClassifierEvaluator().predict(erm, CueSetArchive.extract(twins,
                dir.resolve("twins")).test()).stream().collect(Collectors.toMap(Prediction::sampleId, Prediction::predicted));
        long agree = r.pairs().stream().filter(p -> p.predictedAfter() == onTwins.get(p.sampleId())).count();
        System.out.printf("ERM answers %d of %d edits as their true counterfactual twins%n", agree, r.n());
        assertThat((double) agree / r.n()).isGreaterThan(0.85);
    }

    @Test
    void theGroupDroModelOfTheSameDataFlipsLessThanErm() {
        EditRequest request = EditRequest.of(1, "attribute:background", EditOperation.REPLACE_BACKGROUND);
        EditResult fromErm = run(erm, request, "erm-again");
        EditResult fromDro = run(groupDro, request, "dro");
        System.out.printf("GroupDRO: correct %d rate %.3f [%.3f, %.3f] control %.3f vs ERM %.3f%n", fromDro.correctBefore(),
                fromDro.flipRate(), fromDro.ciLow(), fromDro.ciHigh(), fromDro.controlFlipRate(), fromErm.flipRate());

        assertThat(fromDro.flipRate()).isLessThan(fromErm.flipRate() - 0.1);
    }

    @Test
    void addingTheOtherLabelsBackgroundFlipsErmAndRemovingItEditsEveryTestImage() {
        EditResult added = run(erm, EditRequest.of(1, "attribute:background=warm", EditOperation.ADD_CUE), "add");
        // Warm goes with sandals (label 0) in training: only sneakers on cool backgrounds are edited.
        assertThat(added.n()).isEqualTo(30);
        assertThat(added.pairs()).allSatisfy(p -> assertThat(p.label()).isEqualTo(1));
        assertThat(added.items()).allSatisfy(i -> assertThat(i.attributes()).containsEntry("background", "warm"));
        assertThat(added.confirmed()).isTrue();

        EditResult removed = run(erm, EditRequest.of(1, "mask", EditOperation.REMOVE_BACKGROUND), "remove");
        assertThat(removed.n()).isEqualTo(120);
        assertThat(removed.controlN()).isEqualTo(removed.correctBefore());
        assertThat(removed.groups()).extracting(GroupConsistency::group)
                .containsExactly("sandal|cool", "sandal|warm", "sneaker|cool", "sneaker|warm");
    }

    @Test
    void sourceFilesAreNeverWrittenAndATargetFolderHoldingThemIsRefused() throws IOException {
        Map<Path, byte[]> before = new HashMap<>();
        for (EditSample s : samples) {
            if (s.split().equals("test")) {
                before.put(s.imageFile(), Files.readAllBytes(s.imageFile()));
                before.put(s.maskFile(), Files.readAllBytes(s.maskFile()));
            }
        }
        EditResult r = run(erm, EditRequest.of(1, "attribute:background", EditOperation.REPLACE_BACKGROUND), "sources");
        for (Map.Entry<Path, byte[]> e : before.entrySet()) {
            assertThat(Files.readAllBytes(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(r.items()).allSatisfy(i -> assertThat(i.editedFile()).startsWith(dir.resolve("sources")));

        Path hostile = set.root().resolve("x");
        List<EditSample> inside = new ArrayList<>(samples);
        inside.add(new EditSample("planted", "test", hostile.resolve("edited").resolve("00000-a.png"), 0, null, null,
                null, Map.of("background", "warm")));
        assertThatThrownBy(() -> new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1,
                "attribute:background", EditOperation.REPLACE_BACKGROUND), inside, List.of(), erm, hostile,
                SegmentationSettings.defaults(), EditProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("holds source file");
    }

    @Test
    void aCueThatNamesNoSampleOrDoesNotSuitTheOperationIsRefusedWithWhatExists() {
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "attribute:place", EditOperation.REPLACE_BACKGROUND), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no sample of split test")
                .hasMessageContaining("[background]");
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "attribute:background=purple",
                EditOperation.REPLACE_BACKGROUND), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("its values there are").hasMessageContaining("warm");
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "text:sale", EditOperation.INPAINT), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no text box reads sale");
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "keyword:water", EditOperation.REMOVE_BACKGROUND), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the samples have no captions");
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "attribute:background", EditOperation.INPAINT), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use REMOVE_BACKGROUND");
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "attribute:background", EditOperation.ADD_CUE), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("attribute:background=<value>");
        assertThatThrownBy(() -> run(erm, EditRequest.of(1, "attribute:background", EditOperation.REPLACE_BACKGROUND)
                .withSplit("holdout"), "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("split holdout has no samples");
    }

    @Test
    void wrongSizedAndEmptyMasksAreReportedAndSkippedWhileTheRestIsEdited() throws IOException {
        Path small = dir.resolve("hostile-small.png");
        ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), "png", small.toFile());
        Path empty = dir.resolve("hostile-empty.png");
        ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY), "png", empty.toFile());
        List<EditSample> hostile = new ArrayList<>();
        int test = 0;
        for (EditSample s : samples) {
            Path mask = s.maskFile();
            if (s.split().equals("test") && test < 2) {
                mask = test++ == 0 ? small : empty;
            }
            hostile.add(new EditSample(s.sampleId(), s.split(), s.imageFile(), s.label(), s.group(), mask, null,
                    s.attributes()));
        }
        EditResult r = new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1, "attribute:background",
                EditOperation.REPLACE_BACKGROUND), hostile, List.of(), erm, dir.resolve("hostile"),
                SegmentationSettings.defaults(), EditProgress.NONE);

        assertThat(r.n()).isEqualTo(118);
        assertThat(r.report()).anySatisfy(l -> assertThat(l).contains("16x16").contains("32x32"));
        assertThat(r.report()).anySatisfy(l -> assertThat(l).contains("is empty"));

        List<EditSample> noMasks = samples.stream().map(s -> new EditSample(s.sampleId(), s.split(), s.imageFile(),
                s.label(), s.group(), null, null, s.attributes())).toList();
        assertThatThrownBy(() -> new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1,
                "attribute:background", EditOperation.REPLACE_BACKGROUND), noMasks, List.of(), erm,
                dir.resolve("no-masks"), SegmentationSettings.defaults(), EditProgress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs foreground masks")
                .hasMessageContaining("mask column").hasMessageContaining("spurlab.edit.segmentation-model")
                .hasMessageContaining("at least 20");
    }

    @Test
    void withoutMasksOnTheTestSplitALearnedNetworkMasksItAndTheCueIsStillConfirmed() {
        List<EditSample> trainMasksOnly = samples.stream().map(s -> s.split().equals("test") ? new EditSample(
                s.sampleId(), s.split(), s.imageFile(), s.label(), s.group(), null, null, s.attributes()) : s).toList();
        EditResult r = new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1, "attribute:background",
                EditOperation.REPLACE_BACKGROUND), trainMasksOnly, List.of(), erm, dir.resolve("learned"),
                new SegmentationSettings(null, 20, 32, 6, 60, 3L), EditProgress.NONE);

        assertThat(CueConfirmation.recordsGradients(EditRequest.of(1, "attribute:background",
                EditOperation.REPLACE_BACKGROUND), trainMasksOnly, SegmentationSettings.defaults())).isTrue();
        assertThat(CueConfirmation.recordsGradients(EditRequest.of(1, "attribute:background",
                EditOperation.REPLACE_BACKGROUND), samples, SegmentationSettings.defaults())).isFalse();
        assertThat(r.items()).allSatisfy(i -> assertThat(i.maskSource()).isEqualTo(MaskSource.LEARNED));
        assertThat(r.report()).anySatisfy(l -> assertThat(l).contains("segmentation network trained on"));
        assertThat(r.confirmed()).isTrue();
    }
}
