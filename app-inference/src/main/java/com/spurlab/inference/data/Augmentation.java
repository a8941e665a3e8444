package com.spurlab.inference.data;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.Random;

/**
 * Training-time image augmentation, drawn per image and applied while a batch is assembled
 * ({@link DecodedImages#fill}).
 *
 * @param flip         mirror half of the images left-right
 * @param cropPadding  random crop: pad by this many pixels (edge replicated) and cut the original
 *                     size back out at a random offset; 0 turns it off; at most a quarter of the size
 * @param colourJitter brightness and contrast each scaled by a factor in [1 - j, 1 + j]; 0 turns it off; at most 0.9
 */
public record Augmentation(boolean flip, int cropPadding, double colourJitter) {

    public static final Augmentation NONE = new Augmentation(false, 0, 0);

    public Augmentation {
        if (cropPadding < 0 || cropPadding > 64) {
            throw new IllegalArgumentException("crop padding must be 0..64 pixels, got " + cropPadding);
        }
        if (!(colourJitter >= 0 && colourJitter <= 0.9)) {
            throw new IllegalArgumentException("colour jitter must be between 0 and 0.9, got " + colourJitter);
        }
    }

    public boolean enabled() {
        return flip || cropPadding > 0 || colourJitter > 0;
    }

    /**
     * Parses {@code "none"} or a comma list of {@code flip}, {@code crop[=pixels]} (default 4),
     * {@code jitter[=strength]} (default 0.2), e.g. {@code "flip,crop=4,jitter=0.3"}.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static Augmentation parse(String text) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return NONE;
        }
        boolean flip = false;
        int crop = 0;
        double jitter = 0;
        for (String part : text.toLowerCase(Locale.ROOT).split(",")) {
            String[] kv = part.strip().split("=", 2);
            try {
                switch (kv[0]) {
                    case "flip" -> flip = true;
                    case "crop" -> crop = kv.length == 2 ? Integer.parseInt(kv[1].strip()) : 4;
                    case "jitter" -> jitter = kv.length == 2 ? Double.parseDouble(kv[1].strip()) : 0.2;
                    default -> throw new IllegalArgumentException("unknown augmentation '" + kv[0]
                            + "'; use none or a comma list of flip, crop[=pixels], jitter[=strength]");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("augmentation '" + part.strip() + "' needs a number after '='", e);
            }
        }
        return new Augmentation(flip, crop, jitter);
    }

    /** The canonical text form, readable by {@link #parse(String)}. */
    @Override
    public String toString() {
        if (!enabled()) {
            return "none";
        }
        StringBuilder s = new StringBuilder();
        if (flip) {
            s.append("flip,");
        }
        if (cropPadding > 0) {
            s.append("crop=").append(cropPadding).append(',');
        }
        if (colourJitter > 0) {
            s.append(String.format(Locale.ROOT, "jitter=%s,", colourJitter));
        }
        return s.substring(0, s.length() - 1);
    }

    /**
     * One image's random draws, in the order the generator is asked: mirror (only when flipping), the crop
     * offsets (only when cropping), brightness and contrast (only with jitter). The same generator state
     * gives the same image whatever the memory layout of the batch.
     */
    public Draw draw(Random random) {
        boolean mirror = flip && random.nextBoolean();
        int dx = cropPadding == 0 ? 0 : random.nextInt(2 * cropPadding + 1) - cropPadding;
        int dy = cropPadding == 0 ? 0 : random.nextInt(2 * cropPadding + 1) - cropPadding;
        float brightness = colourJitter == 0 ? 0 : (float) ((random.nextDouble() * 2 - 1) * colourJitter);
        float contrast = colourJitter == 0 ? 1 : (float) (1 + (random.nextDouble() * 2 - 1) * colourJitter);
        return new Draw(mirror, dx, dy, colourJitter > 0, brightness, contrast);
    }

    /**
     * What to do to one image: read pixel ({@code mirror ? S-1-x : x} + dx, y + dy), the source index clamped,
     * which replicates the edge (the padding torchvision calls "edge"); then, with jitter, scale around 0
     * (mid grey) by {@code contrast}, shift by {@code brightness} and clamp to [-1, 1]. Public for SYNTHESIZE,
     * which augments its new images with the same draws and records them.
     */
    public record Draw(boolean mirror, int dx, int dy, boolean jitter, float brightness, float contrast) {

        boolean moves() {
            return mirror || dx != 0 || dy != 0;
        }

        float colour(float value) {
            return jitter ? Math.max(-1f, Math.min(1f, value * contrast + brightness)) : value;
        }

        /** What was done, e.g. {@code "flip,shift=2/-1,brightness=0.05,contrast=1.10"}; {@code "none"} for nothing. */
        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            if (mirror) {
                s.append("flip,");
            }
            if (dx != 0 || dy != 0) {
                s.append("shift=").append(dx).append('/').append(dy).append(',');
            }
            if (jitter) {
                s.append(String.format(Locale.ROOT, "brightness=%.2f,contrast=%.2f,", brightness, contrast));
            }
            return s.length() == 0 ? "none" : s.substring(0, s.length() - 1);
        }
    }

    /**
     * A new RGB image: {@code image} mirrored, shifted (edge replicated) and jittered as {@code draw} says, as a
     * training batch would see it (8-bit values mapped to [-1, 1] and back).
     */
    public static BufferedImage apply(Draw draw, BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        int[] moved = argb;
        if (draw.moves()) {
            moved = new int[argb.length];
            for (int y = 0; y < h; y++) {
                int sy = Math.min(h - 1, Math.max(0, y + draw.dy()));
                for (int x = 0; x < w; x++) {
                    moved[y * w + x] = argb[sy * w + sourceX(draw, x, w)];
                }
            }
        }
        if (draw.jitter()) {
            int[] lut = new int[256];
            for (int v = 0; v < 256; v++) {
                lut[v] = Math.round((draw.colour(v / 127.5f - 1f) + 1f) * 127.5f);
            }
            for (int p = 0; p < moved.length; p++) {
                int rgb = moved[p];
                moved[p] = lut[(rgb >> 16) & 0xFF] << 16 | lut[(rgb >> 8) & 0xFF] << 8 | lut[rgb & 0xFF];
            }
        }
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, moved, 0, w);
        return out;
    }

    /** Only the geometric part of {@code draw} (mirror and shift): for a mask that must stay over its image. */
    public static boolean[] applyGeometry(Draw draw, boolean[] pixels, int width, int height) {
        boolean[] out = new boolean[pixels.length];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(height - 1, Math.max(0, y + draw.dy()));
            for (int x = 0; x < width; x++) {
                out[y * width + x] = pixels[sy * width + sourceX(draw, x, width)];
            }
        }
        return out;
    }

    private static int sourceX(Draw d, int x, int width) {
        return Math.min(width - 1, Math.max(0, (d.mirror() ? width - 1 - x : x) + d.dx()));
    }
}
