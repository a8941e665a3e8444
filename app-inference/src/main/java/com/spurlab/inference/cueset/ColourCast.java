package com.spurlab.inference.cueset;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/** A global tint over the whole image, garment included: the colour cast of an old photo or a cold light. */
final class ColourCast {

    /** The classic sepia matrix (rows give r', g', b'). */
    static final double[][] SEPIA = {{0.393, 0.769, 0.189}, {0.349, 0.686, 0.168}, {0.272, 0.534, 0.131}};
    /** Greys kept grey in brightness but pulled towards blue. */
    static final double[][] BLUE = {{0.25, 0.45, 0.10}, {0.30, 0.55, 0.15}, {0.35, 0.65, 0.45}};

    private ColourCast() {
    }

    /** Mixes {@code strength} (0..1) of the cast into every pixel of an RGB image. */
    static void apply(BufferedImage image, double[][] cast, double strength) {
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i];
            double[] in = {(rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF};
            int out = 0;
            for (int c = 0; c < 3; c++) {
                double tinted = cast[c][0] * in[0] + cast[c][1] * in[1] + cast[c][2] * in[2];
                out = (out << 8) | (int) Math.round(Math.min(255, strength * tinted + (1 - strength) * in[c]));
            }
            pixels[i] = out;
        }
    }
}
