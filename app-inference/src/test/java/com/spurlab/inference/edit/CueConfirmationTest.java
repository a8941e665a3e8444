package com.spurlab.inference.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.TinyDemo;
import com.spurlab.inference.edit.mask.MaskSource;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.eval.ClassifierEvaluator;
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
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The confirmation run on a background-cue set with masks, against ERM and GroupDRO models of it. */
class CueConfirmationTest {

    @TempDir
    static Path dir;
    static List<EditSample> samples;
    static Path erm;
    static Path groupDro;

    @BeforeAll
    static void trainBothModels() throws IOException {
        DemoSplits tiny = TinyDemo.unpacked(dir);
        samples = new ArrayList<>();
        add(tiny.train(), "train");
        add(tiny.validation(), "val");
        add(tiny.test(), "test");
        erm = train(tiny, TrainingMethod.ERM);
        groupDro = train(tiny, TrainingMethod.GROUP_DRO);
    }

    private static void add(List<LabeledImage> images, String split) {
        for (LabeledImage i : images) {
            Path mask = i.imageFile().getParent().getParent().getParent().resolve("masks").resolve(split)
                    .resolve(i.imageFile().getFileName());
            samples.add(new EditSample(i.sampleId(), split, i.imageFile(), i.label(), i.group(), mask, null,
                    Map.of("background", i.group().substring(i.group().indexOf('|') + 1))));
        }
    }

    private static Path train(DemoSplits tiny, TrainingMethod method) {
        TrainingSettings settings = new TrainingSettings(method, tiny.classNames(), 32, 3, 32, 3e-3f, 5L,
                MethodOptions.defaults());
        return new ClassifierTrainer().train(settings, tiny.train(), tiny.validation(), dir.resolve(method.name()),
                TrainingProgress.NONE).modelDir();
    }

    private static EditResult run(Path model, EditRequest request, String out) {
        return new CueConfirmation(new ClassifierEvaluator()).run(request, samples, List.of(), model, dir.resolve(out),
                SegmentationSettings.defaults(), EditProgress.NONE);
    }

    @Test
    void swappingTheBackgroundFlipsTheErmModelFarMoreThanTheControlAndConfirmsTheCue() {
        EditResult r = run(erm, EditRequest.of(1, "attribute:background", EditOperation.REPLACE_BACKGROUND), "erm");
        System.out.printf("ERM: n %d correct %d flipped %d rate %.3f [%.3f, %.3f] control %.3f (%d)%n", r.n(),
                r.correctBefore(), r.flipped(), r.flipRate(), r.ciLow(), r.ciHigh(), r.controlFlipRate(), r.controlN());

        assertThat(r.n()).isEqualTo(80);
        assertThat(r.correctBefore()).isGreaterThan(30);
        assertThat(r.flipRate()).isGreaterThan(r.controlFlipRate() + 0.3);
        assertThat(r.confirmed()).isTrue();
        assertThat(r.items()).allSatisfy(i -> assertThat(i.attributes().get("background"))
                .isNotEqualTo(samples.stream().filter(s -> s.sampleId().equals(i.sourceSampleId())).findFirst()
                        .orElseThrow().attributes().get("background")));
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
        // Warm goes with t-shirts (label 0) in training: only dresses on cool backgrounds are edited.
        assertThat(added.n()).isEqualTo(20);
        assertThat(added.pairs()).allSatisfy(p -> assertThat(p.label()).isEqualTo(1));
        assertThat(added.items()).allSatisfy(i -> assertThat(i.attributes()).containsEntry("background", "warm"));
        assertThat(added.confirmed()).isTrue();

        EditResult removed = run(erm, EditRequest.of(1, "mask", EditOperation.REMOVE_BACKGROUND), "remove");
        assertThat(removed.n()).isEqualTo(80);
        assertThat(removed.controlN()).isEqualTo(removed.correctBefore());
        assertThat(removed.groups()).extracting(GroupConsistency::group)
                .containsExactly("dress|cool", "dress|warm", "t-shirt|cool", "t-shirt|warm");
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

        Path imagesRoot = samples.get(0).imageFile().getParent().getParent().getParent();
        Path hostile = imagesRoot.resolve("x");
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

        assertThat(r.n()).isEqualTo(78);
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

        assertThat(r.items()).allSatisfy(i -> assertThat(i.maskSource()).isEqualTo(MaskSource.LEARNED));
        assertThat(r.report()).anySatisfy(l -> assertThat(l).contains("segmentation network trained on"));
        assertThat(r.confirmed()).isTrue();
    }
}
