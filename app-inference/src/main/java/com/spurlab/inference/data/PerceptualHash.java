package com.spurlab.inference.data;

import java.awt.image.BufferedImage;

/**
 * A 255-bit DCT perceptual hash (pHash): the image in grey, box-averaged down to 64×64, its 16×16
 * lowest 2-D DCT frequencies without the constant term, each bit "above the median". Re-encoding and
 * resizing change only a few bits; a different image changes about half. The hash ignores overall
 * brightness and colour (a flat red and a flat blue image hash alike), so two images are near only
 * when their mean colours agree too ({@link #NEAR_COLOUR} per channel).
 *
 * <p>Measured on the cue sets of this project (Fashion-MNIST garments on synthetic scenes, 64 px): a
 * JPEG re-encoding at quality 0.6 or 0.9 or a resize to 48 or 128 px moved at most 14 bits, while the
 * nearest distinct image across splits was at least 46 bits away (the 64-bit pHash left distinct
 * garments 2 bits apart, and difference hashes moved up to 48 of 256 bits under JPEG on textured
 * backgrounds). {@link #NEAR} sits between.
 *
 * <p>The same hash, bit for bit, as dataset validation's near-duplicate check in app-core (which may not depend on
 * this module): SYNTHESIZE's near-duplicate rate and validation's cross-split check call the same thing near.
 */
public record PerceptualHash(long[] bits, int red, int green, int blue) {

    /** Hashes at most this many bits apart are near-duplicates. */
    public static final int NEAR = 24;
    /** Mean colours (0..255 per channel) at most this far apart, channel by channel, are alike. */
    public static final int NEAR_COLOUR = 12;
    static final int BITS = 255;

    private static final int SIDE = 64;
    private static final int LOW = 16;
    private static final double[][] COSINES = cosines();

    public static PerceptualHash of(BufferedImage image) {
        double[][][] thumbnail = thumbnail(image);
        double[][] grey = thumbnail[3];
        // Separable 2-D DCT-II, only the LOW x LOW lowest frequencies.
        double[][] rows = new double[SIDE][LOW];
        for (int y = 0; y < SIDE; y++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int x = 0; x < SIDE; x++) {
                    s += grey[y][x] * COSINES[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[] coefficients = new double[LOW * LOW - 1];
        int k = 0;
        for (int v = 0; v < LOW; v++) {
            for (int u = 0; u < LOW; u++) {
                if (u + v == 0) {
                    continue;
                }
                double s = 0;
                for (int y = 0; y < SIDE; y++) {
                    s += rows[y][u] * COSINES[v][y];
                }
                // Rounding noise of a flat area is not a feature: zero, so flat images hash alike.
                coefficients[k++] = Math.abs(s) < 1e-6 ? 0 : s;
            }
        }
        double[] sorted = coefficients.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        long[] bits = new long[(BITS + 63) / 64];
        for (int i = 0; i < coefficients.length; i++) {
            if (coefficients[i] > median) {
                bits[i >> 6] |= 1L << (i & 63);
            }
        }
        return new PerceptualHash(bits, mean(thumbnail[0]), mean(thumbnail[1]), mean(thumbnail[2]));
    }

    /** Bits that differ. */
    public int distance(PerceptualHash other) {
        int d = 0;
        for (int i = 0; i < bits.length; i++) {
            d += Long.bitCount(bits[i] ^ other.bits[i]);
        }
        return d;
    }

    /** A re-encoded or resized copy of the same picture, as far as the hash can tell. */
    public boolean near(PerceptualHash other) {
        return Math.abs(red - other.red) <= NEAR_COLOUR && Math.abs(green - other.green) <= NEAR_COLOUR
                && Math.abs(blue - other.blue) <= NEAR_COLOUR && distance(other) <= NEAR;
    }

    private static int mean(double[][] channel) {
        double sum = 0;
        for (double[] row : channel) {
            for (double v : row) {
                sum += v;
            }
        }
        return (int) Math.round(sum / (SIDE * SIDE));
    }

    /**
     * Red, green, blue and luma (BT.601), each averaged over the source pixels that fall into each of
     * SIDE × SIDE boxes, 0..255 whatever the image's type (palette, grey, 16 bit, alpha).
     */
    private static double[][][] thumbnail(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][][] out = new double[4][SIDE][SIDE];
        for (int ty = 0; ty < SIDE; ty++) {
            int y0 = ty * h / SIDE;
            int y1 = Math.max(y0 + 1, (ty + 1) * h / SIDE);
            for (int tx = 0; tx < SIDE; tx++) {
                int x0 = tx * w / SIDE;
                int x1 = Math.max(x0 + 1, (tx + 1) * w / SIDE);
                double r = 0;
                double g = 0;
                double b = 0;
                for (int y = y0; y < y1; y++) {
                    for (int x = x0; x < x1; x++) {
                        int rgb = image.getRGB(x, y);
                        r += (rgb >> 16) & 0xFF;
                        g += (rgb >> 8) & 0xFF;
                        b += rgb & 0xFF;
                    }
                }
                double area = (double) (y1 - y0) * (x1 - x0);
                out[0][ty][tx] = r / area;
                out[1][ty][tx] = g / area;
                out[2][ty][tx] = b / area;
                out[3][ty][tx] = (0.299 * r + 0.587 * g + 0.114 * b) / area;
            }
        }
        return out;
    }

    private static double[][] cosines() {
        double[][] c = new double[LOW][SIDE];
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < SIDE; x++) {
                c[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * SIDE));
            }
        }
        return c;
    }
}
