package com.spurlab.inference.audit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Test fixture: the two mask edits concept sets need, done the plainest way (EDIT's editor does them
 * properly): the background painted neutral grey, and the foreground filled from its surroundings by
 * repeated averaging of known neighbours (an onion-peel fill).
 */
final class MaskEdits {

    private MaskEdits() {
    }

    static boolean[] foreground(Path mask, int width, int height) {
        BufferedImage m = read(mask);
        boolean[] fg = new boolean[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                fg[y * width + x] = (m.getRaster().getSample(x * m.getWidth() / width, y * m.getHeight() / height, 0)) > 0;
            }
        }
        return fg;
    }

    private static BufferedImage read(Path file) {
        try {
            return ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static BufferedImage objectOnly(BufferedImage image, boolean[] fg) {
        return objectOnly(image, fg, 0x808080);
    }

    static BufferedImage objectOnly(BufferedImage image, boolean[] fg, int fill) {
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, fg[y * w + x] ? image.getRGB(x, y) : fill);
            }
        }
        return out;
    }

    static BufferedImage cueOnly(BufferedImage image, boolean[] fg) {
        int w = image.getWidth();
        int h = image.getHeight();
        boolean[] unknown = grow(fg, w, h);
        int[][] rgb = new int[w * h][];
        for (int i = 0; i < w * h; i++) {
            int p = image.getRGB(i % w, i / w);
            rgb[i] = unknown[i] ? null : new int[] {(p >> 16) & 255, (p >> 8) & 255, p & 255};
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            int[][] next = rgb.clone();
            for (int i = 0; i < w * h; i++) {
                if (rgb[i] != null) {
                    continue;
                }
                int[] sum = new int[3];
                int count = 0;
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int x = i % w + d[0];
                    int y = i / w + d[1];
                    if (x >= 0 && y >= 0 && x < w && y < h && rgb[y * w + x] != null) {
                        for (int c = 0; c < 3; c++) {
                            sum[c] += rgb[y * w + x][c];
                        }
                        count++;
                    }
                }
                if (count > 0) {
                    next[i] = new int[] {sum[0] / count, sum[1] / count, sum[2] / count};
                    progress = true;
                }
            }
            rgb = next;
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < w * h; i++) {
            int[] c = rgb[i] == null ? new int[] {128, 128, 128} : rgb[i];
            out.setRGB(i % w, i / w, c[0] << 16 | c[1] << 8 | c[2]);
        }
        return out;
    }

    /** The object (mask) laid on another background. */
    static BufferedImage composite(BufferedImage image, boolean[] fg, BufferedImage background) {
        int w = image.getWidth();
        BufferedImage out = new BufferedImage(w, image.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, fg[y * w + x] ? image.getRGB(x, y) : background.getRGB(x, y));
            }
        }
        return out;
    }

    /** The mask grown by one pixel, so the garment's soft rim goes too. */
    private static boolean[] grow(boolean[] fg, int w, int h) {
        boolean[] out = fg.clone();
        for (int i = 0; i < w * h; i++) {
            if (fg[i]) {
                int x = i % w;
                int y = i / w;
                for (int[] d : new int[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
                    int nx = x + d[0];
                    int ny = y + d[1];
                    if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                        out[ny * w + nx] = true;
                    }
                }
            }
        }
        return out;
    }
}
