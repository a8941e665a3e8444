package com.spurlab.inference.synth;

import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.edit.CounterfactualEditor;
import com.spurlab.inference.edit.mask.RegionMask;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

/**
 * A printed word lifted off its image: the ink's coverage (how far each pixel of the word's box moved from the
 * background that inpainting restores under it) and its colour. Laid on another image it adds the letters only;
 * a pasted rectangle would also bring the donor's background along, a patch a classifier could learn instead of
 * the word.
 *
 * @param coverage row-major, {@code width * height}, 0 (background) .. 1 (full ink)
 */
record WordInk(int width, int height, float[] coverage, int colour) {

    /** Pixels whose coverage estimate is below this are the inpainting's noise, not ink. */
    private static final float NOISE = 0.15f;
    static final int PAD = 2;
    /** Random places tried for a word, the most legible kept. */
    private static final int PLACES = 12;
    /** Ink at least this far in brightness from the pixel under it stands out. */
    private static final int LEGIBLE = 60;

    /**
     * The ink of the word in {@code box} of {@code image}; null when the box shows no ink (inpainting left it the
     * same).
     */
    static WordInk lift(CounterfactualEditor editor, BufferedImage image, PixelBox box) {
        int w = image.getWidth();
        int h = image.getHeight();
        RegionMask region = RegionMask.ofBoxes(w, h, List.of(box), PAD);
        int[] b = region.bounds();
        if (b[2] == 0 || region.area() == w * h) {
            return null;
        }
        BufferedImage clean = editor.inpaint(image, region);
        int[] ink = image.getRGB(b[0], b[1], b[2], b[3], null, 0, b[2]);
        int[] bare = clean.getRGB(b[0], b[1], b[2], b[3], null, 0, b[2]);
        float[] difference = new float[ink.length];
        float max = 0;
        for (int p = 0; p < ink.length; p++) {
            difference[p] = channelDistance(ink[p], bare[p]);
            max = Math.max(max, difference[p]);
        }
        if (max < 1) {
            return null;
        }
        // The ink's colour and full strength: the mean over the pixels that moved most (the strokes' cores).
        long r = 0;
        long g = 0;
        long bl = 0;
        double strength = 0;
        int core = 0;
        for (int p = 0; p < ink.length; p++) {
            if (difference[p] >= 0.8f * max) {
                r += (ink[p] >> 16) & 0xFF;
                g += (ink[p] >> 8) & 0xFF;
                bl += ink[p] & 0xFF;
                strength += difference[p];
                core++;
            }
        }
        float full = (float) (strength / core);
        float[] coverage = new float[ink.length];
        for (int p = 0; p < ink.length; p++) {
            float a = Math.min(1f, difference[p] / full);
            coverage[p] = a < NOISE ? 0f : a;
        }
        int colour = (int) (r / core) << 16 | (int) (g / core) << 8 | (int) (bl / core);
        return new WordInk(b[2], b[3], coverage, colour);
    }

    /**
     * A copy of {@code image} with the word laid on where it stands out best of a few random places that hold it
     * whole, in its own colour, black or white, whichever stands out most from what lies under its ink (the stamp
     * that made the word chose its colour so too).
     *
     * @return null when the word is larger than the image
     */
    BufferedImage layOn(BufferedImage image, Random random) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (width > w || height > h) {
            return null;
        }
        Placement best = null;
        for (int i = 0; i < PLACES; i++) {
            Placement p = place(image, random.nextInt(w - width + 1), random.nextInt(h - height + 1));
            if (best == null || p.contrast() > best.contrast()) {
                best = p;
            }
        }
        int[] under = image.getRGB(best.x(), best.y(), width, height, null, 0, width);
        for (int p = 0; p < under.length; p++) {
            float a = coverage[p];
            if (a > 0) {
                under[p] = blend(best.colour(), under[p], a);
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, image.getRGB(0, 0, w, h, null, 0, w), 0, w);
        out.setRGB(best.x(), best.y(), width, height, under, 0, width);
        return out;
    }

    /** Where the word goes, in which colour, and the share of its ink that stands out from what lies under it. */
    private record Placement(int x, int y, int colour, double contrast) {
    }

    /** The word at (x0, y0) in whichever of its own colour, black and white leaves most of its ink legible. */
    private Placement place(BufferedImage image, int x0, int y0) {
        int[] under = image.getRGB(x0, y0, width, height, null, 0, width);
        Placement best = null;
        for (int ink : new int[] {colour, 0x000000, 0xFFFFFF}) {
            Placement p = new Placement(x0, y0, ink, legible(ink, under));
            if (best == null || p.contrast() > best.contrast()) {
                best = p;
            }
        }
        return best;
    }

    /**
     * The share of the ink that stands out from the pixel under it: a word half on a light garment and half on a dark
     * background reads badly whatever its colour.
     */
    private double legible(int ink, int[] under) {
        double inkLuminance = luminance(ink);
        double weight = 0;
        double legible = 0;
        for (int p = 0; p < under.length; p++) {
            weight += coverage[p];
            legible += Math.abs(inkLuminance - luminance(under[p])) >= LEGIBLE ? coverage[p] : 0;
        }
        return weight == 0 ? 0 : legible / weight;
    }

    private static float channelDistance(int a, int b) {
        int dr = Math.abs(((a >> 16) & 0xFF) - ((b >> 16) & 0xFF));
        int dg = Math.abs(((a >> 8) & 0xFF) - ((b >> 8) & 0xFF));
        int db = Math.abs((a & 0xFF) - (b & 0xFF));
        return Math.max(dr, Math.max(dg, db));
    }

    private static double luminance(int rgb) {
        return 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
    }

    private static int blend(int front, int back, float a) {
        int r = Math.round(a * ((front >> 16) & 0xFF) + (1 - a) * ((back >> 16) & 0xFF));
        int g = Math.round(a * ((front >> 8) & 0xFF) + (1 - a) * ((back >> 8) & 0xFF));
        int b = Math.round(a * (front & 0xFF) + (1 - a) * (back & 0xFF));
        return r << 16 | g << 8 | b;
    }
}
