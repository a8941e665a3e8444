package com.spurlab.inference.edit.mask;

import com.spurlab.inference.data.PixelBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mask chain's order and refusals, and the segmentation network it trains with DJL. */
class ForegroundMasksTest {

    @TempDir
    Path dir;

    /** Drawn scenes on disk: the first {@code masked} get a manifest mask. */
    private List<SampleImage> scenes(int n, int masked, List<Drawn.Scene> truth) {
        Random random = new Random(11);
        List<SampleImage> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Drawn.Scene scene = Drawn.scene(32, random.nextFloat(), random);
            truth.add(scene);
            Path image = dir.resolve("img-" + i + ".png");
            ImageFiles.writePng(scene.image(), image);
            Path mask = null;
            if (i < masked) {
                mask = dir.resolve("mask-" + i + ".png");
                ImageFiles.writePng(scene.foreground().toImage(), mask);
            }
            samples.add(new SampleImage("s" + i, image, mask));
        }
        return samples;
    }

    @Test
    void withEnoughManifestMasksANetworkIsTrainedAndPredictsTheRest() {
        List<Drawn.Scene> truth = new ArrayList<>();
        List<SampleImage> samples = scenes(90, 70, truth);
        SegmentationSettings settings = SegmentationSettings.defaults().withTraining(32, 6);
        try (ForegroundMasks chain = ForegroundMasks.open(samples, settings, null)) {
            ForegroundMasks.Resolution r = chain.resolveAll(samples);

            assertThat(r.problems()).isEmpty();
            assertThat(r.masks().get("s0").source()).isEqualTo(MaskSource.MANIFEST);
            assertThat(r.masks().get("s0").mask()).isEqualTo(truth.get(0).foreground());
            double iou = 0;
            for (int i = 70; i < 90; i++) {
                ResolvedMask m = r.masks().get("s" + i);
                assertThat(m.source()).isEqualTo(MaskSource.LEARNED);
                iou += m.mask().iou(truth.get(i).foreground());
            }
            // Far above what no network gets: all background scores 0, all foreground about 0.2.
            assertThat(iou / 20).isGreaterThan(0.75);
            LearnedSegmentation.Figures f = chain.learnedFigures().orElseThrow();
            assertThat(f.trainedOn() + f.heldOut()).isEqualTo(70);
            assertThat(f.heldOutIou()).isGreaterThan(0.75);
        }
    }

    @Test
    void withTooFewMasksAndNoModelASampleWithoutMaskIsRefusedSayingWhatToSupply() {
        List<SampleImage> samples = scenes(12, 5, new ArrayList<>());
        try (ForegroundMasks chain = ForegroundMasks.open(samples, SegmentationSettings.defaults(), null)) {
            assertThat(chain.masksSamplesWithoutMask()).isFalse();
            ForegroundMasks.Resolution r = chain.resolveAll(samples);
            assertThat(r.masks()).hasSize(5);
            assertThat(r.problems()).hasSize(7);
            assertThat(r.problems().get("s7")).contains("mask column in the manifest")
                    .contains("spurlab.edit.segmentation-model").contains("at least 20 samples").contains("5 supplied");
            assertThatThrownBy(() -> chain.resolve(samples.get(7), ImageFiles.readRgb(samples.get(7).imageFile())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 20 samples");
        }
    }

    @Test
    void aManifestMaskOfTheWrongSizeIsNamedWithBothSizes() throws IOException {
        List<SampleImage> samples = scenes(1, 0, new ArrayList<>());
        Path small = dir.resolve("small.png");
        ImageFiles.writePng(RegionMask.ofBoxes(16, 16, List.of(new PixelBox(2, 2, 4, 4)), 0).toImage(), small);
        SampleImage wrong = new SampleImage("wrong", samples.get(0).imageFile(), small);
        try (ForegroundMasks chain = ForegroundMasks.open(List.of(wrong), SegmentationSettings.defaults(), null)) {
            ForegroundMasks.Resolution r = chain.resolveAll(List.of(wrong));
            assertThat(r.masks()).isEmpty();
            assertThat(r.problems().get("wrong")).contains("sample wrong").contains("16x16").contains("32x32");
        }
    }
}
