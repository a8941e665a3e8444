package com.spurlab.inference.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodedImagesTest {

    @TempDir
    Path dir;

    private Path png(String name, int rgb, int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void batchesAreChwFloatsScaledToMinusOneOne() throws IOException {
        List<LabeledImage> images = List.of(
                new LabeledImage("red", png("red.png", 0xFF0000, 16), 0, null),
                // A different size is resized on decode.
                new LabeledImage("blue", png("blue.png", 0x0000FF, 40), 1, null));

        DecodedImages decoded = DecodedImages.decode(images, 16);

        assertThat(decoded.size()).isEqualTo(2);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray batch = decoded.batch(manager, new int[] {1, 0});
            assertThat(batch.getShape()).isEqualTo(new Shape(2, 3, 16, 16));
            float[] v = batch.toFloatArray();
            int plane = 16 * 16;
            assertThat(v[0]).isEqualTo(-1f);             // blue image, red channel
            assertThat(v[2 * plane]).isEqualTo(1f);      // blue image, blue channel
            assertThat(v[3 * plane]).isEqualTo(1f);      // red image, red channel
            assertThat(v[3 * plane + 2 * plane + 5]).isEqualTo(-1f);
            assertThat(decoded.labels(manager, new int[] {1, 0}).toLongArray()).containsExactly(1L, 0L);
        }
    }

    @Test
    void unreadableFileNamesTheSample() throws IOException {
        Path notImage = Files.writeString(dir.resolve("x.png"), "not an image");

        assertThatThrownBy(() -> DecodedImages.decode(List.of(new LabeledImage("s-1", notImage, 0, null)), 16))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("s-1");
    }
}
