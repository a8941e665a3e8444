package com.spurlab.inference.edit.mask;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Reading, resizing and writing the RGB images that edits work on. */
public final class ImageFiles {

    private ImageFiles() {
    }

    /**
     * Reads a PNG/JPEG as 8-bit RGB ({@link BufferedImage#TYPE_INT_RGB}); alpha is dropped.
     *
     * @throws UncheckedIOException when the file is missing or not an image
     */
    public static BufferedImage readRgb(Path file) {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                throw new IOException("not a PNG/JPEG image: " + file);
            }
            return toRgb(image);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + file, e);
        }
    }

    /** The same picture as {@link BufferedImage#TYPE_INT_RGB}; the image itself when it already is. */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0, image.getWidth());
        return rgb;
    }

    /** Bilinear resize to {@code width} x {@code height} RGB; the image itself when it already has that size. */
    public static BufferedImage resized(BufferedImage image, int width, int height) {
        if (image.getWidth() == width && image.getHeight() == height) {
            return toRgb(image);
        }
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    /**
     * Writes a PNG atomically (a temporary file in the same folder, then a move), creating folders.
     * Encodes in memory: ImageIO's file output would cache through a second temporary file.
     *
     * @throws UncheckedIOException when it cannot be written
     */
    public static void writePng(BufferedImage image, Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(16_384);
            ImageWriter png = ImageIO.getImageWritersByFormatName("png").next();
            try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                png.setOutput(out);
                png.write(image);
            } finally {
                png.dispose();
            }
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path partial = Files.createTempFile(parent, file.getFileName().toString(), ".part");
            try {
                Files.write(partial, bytes.toByteArray());
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Row-major RGB channels of a {@code size} x {@code size} resize, scaled to [-1, 1], appended at {@code offset} in CHW order. */
    static void writeChw(BufferedImage image, int size, float[] target, int offset) {
        BufferedImage small = resized(image, size, size);
        int plane = size * size;
        int[] argb = small.getRGB(0, 0, size, size, null, 0, size);
        for (int p = 0; p < plane; p++) {
            target[offset + p] = ((argb[p] >> 16) & 0xFF) / 127.5f - 1f;
            target[offset + plane + p] = ((argb[p] >> 8) & 0xFF) / 127.5f - 1f;
            target[offset + 2 * plane + p] = (argb[p] & 0xFF) / 127.5f - 1f;
        }
    }

    /** A mask resized to {@code size} x {@code size} by nearest neighbour, as 0/1 floats at {@code offset}. */
    static void writeMask(RegionMask mask, int size, float[] target, int offset) {
        for (int y = 0; y < size; y++) {
            int sy = Math.min(mask.height() - 1, (int) ((y + 0.5) * mask.height() / size));
            for (int x = 0; x < size; x++) {
                int sx = Math.min(mask.width() - 1, (int) ((x + 0.5) * mask.width() / size));
                target[offset + y * size + x] = mask.contains(sx, sy) ? 1f : 0f;
            }
        }
    }

    /**
     * Foreground where the bilinear upsampling of a {@code size} x {@code size} probability map to
     * {@code width} x {@code height} is at least 0.5.
     */
    static RegionMask threshold(float[] probability, int offset, int size, int width, int height) {
        return threshold(probability, offset, size, size, width, height);
    }

    static RegionMask threshold(float[] probability, int offset, int mapWidth, int mapHeight, int width, int height) {
        boolean[] in = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, Math.min(mapHeight - 1, (y + 0.5) * mapHeight / height - 0.5));
            int y0 = (int) fy;
            int y1 = Math.min(mapHeight - 1, y0 + 1);
            double wy = fy - y0;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, Math.min(mapWidth - 1, (x + 0.5) * mapWidth / width - 0.5));
                int x0 = (int) fx;
                int x1 = Math.min(mapWidth - 1, x0 + 1);
                double wx = fx - x0;
                double p = (1 - wy) * ((1 - wx) * probability[offset + y0 * mapWidth + x0]
                        + wx * probability[offset + y0 * mapWidth + x1])
                        + wy * ((1 - wx) * probability[offset + y1 * mapWidth + x0]
                        + wx * probability[offset + y1 * mapWidth + x1]);
                in[y * width + x] = p >= 0.5;
            }
        }
        return RegionMask.of(width, height, in);
    }
}
