package com.spurlab.inference.edit.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's ONNX model through DJL's ONNX Runtime engine, on graphs written by {@link TinyOnnx}. */
class OnnxSegmentationTest {

    @TempDir
    Path dir;

    @Test
    void aModelMeetingTheContractSegmentsTheGreyObjectAtTheImagesOwnSize() throws IOException {
        Path file = TinyOnnx.write(dir.resolve("greyness.onnx"), TinyOnnx.Output.PROBABILITY, 0);
        try (OnnxSegmentation model = OnnxSegmentation.open(file)) {
            Random random = new Random(3);
            for (int size : new int[] {32, 57}) {
                Drawn.Scene scene = Drawn.scene(size, 0.02f, random);
                RegionMask predicted = model.predict(scene.image());
                assertThat(predicted.width()).isEqualTo(size);
                assertThat(predicted.iou(scene.foreground())).isGreaterThan(0.95);
            }
        }
    }

    @Test
    void aFixedInputSizeIsResizedToAndTheMaskBackToTheImage() throws IOException {
        Path file = TinyOnnx.write(dir.resolve("fixed.onnx"), TinyOnnx.Output.PROBABILITY, 24);
        try (OnnxSegmentation model = OnnxSegmentation.open(file)) {
            Drawn.Scene scene = Drawn.scene(48, 0.6f, new Random(4));
            RegionMask predicted = model.predict(scene.image());
            assertThat(predicted.covers(48, 48)).isTrue();
            // Resized to 24 px and back: edges blur, the object stays.
            assertThat(predicted.iou(scene.foreground())).isGreaterThan(0.8);
        }
    }

    @Test
    void aModelReturningLogitsIsRefusedWhenOpenedWithWhatToChange() throws IOException {
        Path file = TinyOnnx.write(dir.resolve("logits.onnx"), TinyOnnx.Output.LOGIT, 0);
        assertThatThrownBy(() -> OnnxSegmentation.open(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probabilities in 0..1").hasMessageContaining("Sigmoid");
    }

    @Test
    void aModelReturningTheWrongShapeIsRefused() throws IOException {
        Path file = TinyOnnx.write(dir.resolve("rgb.onnx"), TinyOnnx.Output.RGB, 0);
        assertThatThrownBy(() -> OnnxSegmentation.open(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 1, H, W]").hasMessageContaining("(1, 3, 48, 48)");
    }

    @Test
    void aMissingFileOrOneThatIsNotOnnxIsRefusedNamingTheSetting() throws IOException {
        assertThatThrownBy(() -> OnnxSegmentation.open(dir.resolve("absent.onnx")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not exist")
                .hasMessageContaining("spurlab.edit.segmentation-model");
        Path garbage = Files.writeString(dir.resolve("garbage.onnx"), "not a model at all");
        assertThatThrownBy(() -> OnnxSegmentation.open(garbage))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot load");
    }

    @Test
    void theChainUsesTheOnnxModelForSamplesWithoutAManifestMask() throws IOException {
        Path file = TinyOnnx.write(dir.resolve("chain.onnx"), TinyOnnx.Output.PROBABILITY, 0);
        Drawn.Scene scene = Drawn.scene(32, 0.3f, new Random(5));
        Path image = dir.resolve("a.png");
        ImageFiles.writePng(scene.image(), image);
        try (ForegroundMasks chain = ForegroundMasks.open(java.util.List.of(),
                SegmentationSettings.defaults().withOnnxModel(file), null)) {
            ResolvedMask mask = chain.resolve(new SampleImage("a", image, null), scene.image());
            assertThat(mask.source()).isEqualTo(MaskSource.ONNX_MODEL);
            assertThat(mask.mask().iou(scene.foreground())).isGreaterThan(0.95);
        }
        BufferedImage unused = scene.image();
        assertThat(unused.getWidth()).isEqualTo(32);
    }
}
