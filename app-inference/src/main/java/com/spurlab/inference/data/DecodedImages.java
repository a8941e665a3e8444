package com.spurlab.inference.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * Images decoded once into one compact uint8 CHW buffer (3 bytes per pixel instead of 12 as float),
 * so an epoch re-reads memory, not PNG files. Floats exist only per batch, inside the caller's
 * scoped {@link NDManager}.
 *
 * <p>Public because both training and evaluation read it; it is not part of the module's contract.
 */
public final class DecodedImages {

    private static final int CHANNELS = 3;

    private final int imageSize;
    private final byte[] pixels;
    private final int[] labels;

    private DecodedImages(int imageSize, byte[] pixels, int[] labels) {
        this.imageSize = imageSize;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Decodes and resizes every image to {@code imageSize} x {@code imageSize} RGB.
     *
     * @throws UncheckedIOException when a file is missing or is not a decodable image
     */
    public static DecodedImages decode(List<LabeledImage> images, int imageSize) {
        int plane = imageSize * imageSize;
        byte[] pixels = new byte[Math.multiplyExact(images.size(), CHANNELS * plane)];
        int[] labels = new int[images.size()];
        // Decoding PNGs dominates start-up; samples write disjoint slices, so parallel is safe.
        IntStream.range(0, images.size()).parallel().forEach(i -> {
            LabeledImage image = images.get(i);
            labels[i] = image.label();
            writeChw(read(image), imageSize, pixels, i * CHANNELS * plane);
        });
        return new DecodedImages(imageSize, pixels, labels);
    }

    public int size() {
        return labels.length;
    }

    public int imageSize() {
        return imageSize;
    }

    public int label(int index) {
        return labels[index];
    }

    /**
     * The images at {@code indices} as a float32 (B, 3, S, S) array in [-1, 1], created in
     * {@code manager}; the caller owns (and closes) that manager.
     */
    public NDArray batch(NDManager manager, int[] indices) {
        return batch(manager, indices, Augmentation.NONE, null);
    }

    /**
     * Like {@link #batch(NDManager, int[])}, each image augmented with draws from {@code random}, so a
     * seeded generator gives the same batch every time.
     */
    public NDArray batch(NDManager manager, int[] indices, Augmentation augmentation, Random random) {
        int chw = CHANNELS * imageSize * imageSize;
        float[] values = new float[indices.length * chw];
        for (int b = 0; b < indices.length; b++) {
            int from = indices[b] * chw;
            int to = b * chw;
            for (int k = 0; k < chw; k++) {
                // Centred inputs keep the first convolution's activations in a good range for Adam.
                values[to + k] = (pixels[from + k] & 0xFF) / 127.5f - 1f;
            }
        }
        if (augmentation.enabled()) {
            float[] scratch = new float[imageSize * imageSize];
            for (int b = 0; b < indices.length; b++) {
                augmentation.apply(values, b * chw, imageSize, random, scratch);
            }
        }
        return manager.create(FloatBuffer.wrap(values), new Shape(indices.length, CHANNELS, imageSize, imageSize));
    }

    /** The labels at {@code indices} as an int64 (B) array, the index type the loss gathers with. */
    public NDArray labels(NDManager manager, int[] indices) {
        long[] values = new long[indices.length];
        for (int b = 0; b < indices.length; b++) {
            values[b] = labels[indices[b]];
        }
        return manager.create(values);
    }

    /**
     * Writes the raw cache: N x 3 x S x S uint8 pixels in CHW order, then N labels as one byte each.
     * The reference PyTorch benchmark reads exactly these bytes, so both engines see the same data.
     */
    public void writeRaw(OutputStream out) throws IOException {
        out.write(pixels);
        for (int label : labels) {
            out.write(label);
        }
    }

    private static BufferedImage read(LabeledImage image) {
        try {
            BufferedImage decoded = ImageIO.read(image.imageFile().toFile());
            if (decoded == null) {
                throw new IOException("not a PNG/JPEG image: " + image.imageFile());
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image of sample " + image.sampleId(), e);
        }
    }

    private static void writeChw(BufferedImage source, int size, byte[] target, int offset) {
        BufferedImage rgb = source;
        if (source.getWidth() != size || source.getHeight() != size || source.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = rgb.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, size, size, null);
            g.dispose();
        }
        int plane = size * size;
        int[] argb = rgb.getRGB(0, 0, size, size, null, 0, size);
        for (int p = 0; p < plane; p++) {
            target[offset + p] = (byte) (argb[p] >> 16);
            target[offset + plane + p] = (byte) (argb[p] >> 8);
            target[offset + 2 * plane + p] = (byte) argb[p];
        }
    }
}
