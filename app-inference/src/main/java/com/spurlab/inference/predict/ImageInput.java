package com.spurlab.inference.predict;

import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

/**
 * The images a {@link BatchedPredictor} runs on, in the order their results come back: files on disk
 * (decoded on the predictor's input thread while the network runs the batch before), images in memory
 * (e.g. edited copies), or an already decoded split.
 */
public sealed interface ImageInput permits ImageInput.Files, ImageInput.Pictures, ImageInput.Decoded {

    int size();

    /**
     * Writes images {@code from} .. {@code from + count - 1} into {@code target} as (S, S, 3) float32 in
     * [-1, 1], resized to {@code imageSize} px; the predictor calls it on its input thread.
     *
     * @throws java.io.UncheckedIOException naming the sample when a file cannot be read
     */
    void fill(int from, int count, int imageSize, ByteBuffer target);

    static ImageInput files(List<LabeledImage> samples) {
        return new Files(samples);
    }

    static ImageInput pictures(List<BufferedImage> images) {
        return new Pictures(images);
    }

    static ImageInput decoded(DecodedImages images) {
        return new Decoded(images);
    }

    /** Image files, read and decoded batch by batch. */
    record Files(List<LabeledImage> samples) implements ImageInput {

        public Files {
            samples = List.copyOf(samples);
        }

        @Override
        public int size() {
            return samples.size();
        }

        @Override
        public void fill(int from, int count, int imageSize, ByteBuffer target) {
            FloatBuffer out = target.order(ByteOrder.nativeOrder()).asFloatBuffer();
            byte[] scratch = new byte[3 * imageSize * imageSize];
            for (int i = 0; i < count; i++) {
                DecodedImages.writeFloats(DecodedImages.read(samples.get(from + i)), imageSize, scratch, out,
                        i * scratch.length);
            }
        }
    }

    /** Images already in memory, of any size (resized like files). */
    record Pictures(List<BufferedImage> images) implements ImageInput {

        public Pictures {
            images = List.copyOf(images);
        }

        @Override
        public int size() {
            return images.size();
        }

        @Override
        public void fill(int from, int count, int imageSize, ByteBuffer target) {
            FloatBuffer out = target.order(ByteOrder.nativeOrder()).asFloatBuffer();
            byte[] scratch = new byte[3 * imageSize * imageSize];
            for (int i = 0; i < count; i++) {
                DecodedImages.writeFloats(images.get(from + i), imageSize, scratch, out, i * scratch.length);
            }
        }
    }

    /** A split decoded before (training and validation do this); its size must be the model's. */
    record Decoded(DecodedImages images) implements ImageInput {

        @Override
        public int size() {
            return images.size();
        }

        @Override
        public void fill(int from, int count, int imageSize, ByteBuffer target) {
            if (images.imageSize() != imageSize) {
                throw new IllegalArgumentException("images decoded at " + images.imageSize() + " px, the model reads "
                        + imageSize + " px");
            }
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = from + i;
            }
            images.fill(target, indices, com.spurlab.inference.data.Augmentation.NONE, null);
        }
    }
}
