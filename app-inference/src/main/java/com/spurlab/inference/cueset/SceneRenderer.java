package com.spurlab.inference.cueset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.Locale;
import java.util.Random;

/**
 * Paints a background, lays a Fashion-MNIST garment on it and applies the cue. All nuisance draws
 * (hue, texture geometry, garment position) come first from the render seed, the cue's own draws
 * from a second stream, so the same sample rendered with the other cue value differs only in the cue.
 */
final class SceneRenderer {

    /** Background colour families of {@link CueKind#BACKGROUND}, far apart in hue so a CNN picks them up fast. */
    enum Family {
        WARM(0.0f, 0.11f), COOL(0.50f, 0.66f);

        private final float hueLow;
        private final float hueHigh;

        Family(float hueLow, float hueHigh) {
            this.hueLow = hueLow;
            this.hueHigh = hueHigh;
        }
    }

    /** Background patterns: a nuisance for most kinds, the cue itself (striped vs dotted) for {@link CueKind#TEXTURE}. */
    enum Texture {
        STRIPED, DOTTED, CHECKED;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Garment pixel intensity above which the mask calls a pixel foreground. */
    private static final int MASK_THRESHOLD = 24;
    private static final double GARMENT_SCALE = 0.8;

    /** {@code box} is the stamped word's box, null when nothing was stamped. */
    record Scene(BufferedImage image, BufferedImage mask, TextBox box) {
    }

    private SceneRenderer() {
    }

    /**
     * @param cueValue index into {@code kind.cueValues()}
     * @param nuisance the background texture where the texture is not the cue
     */
    static Scene render(byte[] garment28, CueKind kind, int cueValue, Texture nuisance, String word, Backdrop backdrop,
            int size, long renderSeed) {
        Random random = new Random(renderSeed);
        float hueDraw = random.nextFloat();
        float saturation = 0.55f + 0.35f * random.nextFloat();
        float brightness = backdrop.brightness(random.nextFloat());
        double period = size * (0.12 + 0.10 * random.nextDouble());
        double angle = random.nextDouble() * Math.PI;
        double phase = random.nextDouble() * period;
        int box = (int) Math.round(size * GARMENT_SCALE);
        int offsetX = random.nextInt(size - box + 1);
        int offsetY = random.nextInt(size - box + 1);

        float hue = hueDraw;
        Texture texture = nuisance;
        switch (kind) {
            case BACKGROUND -> {
                Family family = Family.values()[cueValue];
                hue = family.hueLow + hueDraw * (family.hueHigh - family.hueLow);
            }
            case TEXTURE -> texture = cueValue == 0 ? Texture.STRIPED : Texture.DOTTED;
            // A cast or a word must be the only colour cue: muted backgrounds of any hue.
            case COLOUR_CAST, STAMPED_WORD -> saturation *= 0.45f;
        }

        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        BufferedImage mask = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        byte[] maskPixels = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
        // Straight into the raster: setRGB goes through the colour model per pixel.
        int[] pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double factor = kind == CueKind.TEXTURE ? cuePattern(texture, x, y, period, phase)
                        : pattern(texture, x, y, period, angle, phase);
                float shade = brightness * (float) factor;
                int background = Color.HSBtoRGB(hue, saturation, Math.min(1f, shade));
                double g = garmentAt(garment28, (x - offsetX) * (double) FashionMnistIdx.SIDE / box,
                        (y - offsetY) * (double) FashionMnistIdx.SIDE / box);
                // Soft edges: faint garment pixels blend into the background instead of leaving a halo.
                double alpha = Math.min(1.0, g / 64.0);
                pixels[y * size + x] = blend(background, (int) Math.round(g), alpha);
                maskPixels[y * size + x] = (byte) (g > MASK_THRESHOLD ? 255 : 0);
            }
        }
        Random cueRandom = new Random(renderSeed ^ 0x5DEECE66DL);
        TextBox stamped = null;
        if (kind == CueKind.COLOUR_CAST) {
            ColourCast.apply(image, cueValue == 0 ? ColourCast.SEPIA : ColourCast.BLUE, 0.75 + 0.25 * cueRandom.nextDouble());
        } else if (kind == CueKind.STAMPED_WORD && cueValue == 0) {
            stamped = WordStamp.stamp(image, word, cueRandom);
        }
        return new Scene(image, mask, stamped);
    }

    /**
     * Brightness factor of the texture as the cue: twice the contrast of a nuisance texture, large dots,
     * and axis-aligned. Upright stripes excite the same edge filters all over the image, which a CNN
     * without global pooling needs to learn the texture quickly; rotated ones went unnoticed for five epochs.
     */
    private static double cuePattern(Texture texture, int x, int y, double period, double phase) {
        double u = x + phase;
        if (texture == Texture.STRIPED) {
            return Math.floorMod((long) Math.floor(u / (period / 2)), 2L) == 0 ? 1.35 : 0.45;
        }
        double v = y + phase;
        double du = u - period * Math.floor(u / period) - period / 2;
        double dv = v - period * Math.floor(v / period) - period / 2;
        return du * du + dv * dv < period * period / 8 ? 0.45 : 1.35;
    }

    /** Brightness factor of the texture at (x, y), between about 0.7 and 1.15. */
    private static double pattern(Texture texture, int x, int y, double period, double angle, double phase) {
        double u = x * Math.cos(angle) + y * Math.sin(angle) + phase;
        double v = -x * Math.sin(angle) + y * Math.cos(angle) + phase;
        return switch (texture) {
            case STRIPED -> Math.floorMod((long) Math.floor(u / (period / 2)), 2L) == 0 ? 1.15 : 0.75;
            case CHECKED -> (Math.floorMod((long) Math.floor(u / period), 2L) ^ Math.floorMod((long) Math.floor(v / period), 2L)) == 0
                    ? 1.15 : 0.7;
            case DOTTED -> {
                double du = u - period * Math.floor(u / period) - period / 2;
                double dv = v - period * Math.floor(v / period) - period / 2;
                yield du * du + dv * dv < period * period / 10 ? 0.7 : 1.1;
            }
        };
    }

    /** Bilinear sample of the 28x28 garment at fractional coordinates; 0 outside. */
    private static double garmentAt(byte[] garment, double gx, double gy) {
        double fx = gx - 0.5;
        double fy = gy - 0.5;
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double wx = fx - x0;
        double wy = fy - y0;
        return (1 - wy) * ((1 - wx) * pixel(garment, x0, y0) + wx * pixel(garment, x0 + 1, y0))
                + wy * ((1 - wx) * pixel(garment, x0, y0 + 1) + wx * pixel(garment, x0 + 1, y0 + 1));
    }

    private static int pixel(byte[] garment, int x, int y) {
        int side = FashionMnistIdx.SIDE;
        return x < 0 || y < 0 || x >= side || y >= side ? 0 : garment[y * side + x] & 0xFF;
    }

    private static int blend(int rgb, int gray, double alpha) {
        int r = (int) Math.round(alpha * gray + (1 - alpha) * ((rgb >> 16) & 0xFF));
        int g = (int) Math.round(alpha * gray + (1 - alpha) * ((rgb >> 8) & 0xFF));
        int b = (int) Math.round(alpha * gray + (1 - alpha) * (rgb & 0xFF));
        return (r << 16) | (g << 8) | b;
    }
}
