package com.spurlab.inference.edit;

import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.RegionMask;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The label-keeping edits, one image at a time, with no I/O: SYNTHESIZE and AUDIT call these
 * directly; {@link CueConfirmation} calls them for a whole split. Inputs are never modified; every
 * method returns a new {@link BufferedImage#TYPE_INT_RGB} image of the input's size.
 */
public final class CounterfactualEditor {

    /** The neutral fill of {@link #removeBackground}: mid grey, no hue. */
    public static final Color NEUTRAL = new Color(128, 128, 128);

    /** How far a foreground is grown before it is inpainted away, so its anti-aliased rim goes with it. */
    static final int FOREGROUND_RIM = 2;

    public CounterfactualEditor() {
    }

    /**
     * INPAINT: the pixels of {@code region} (a text box, an object's mask) filled from their
     * surroundings with Telea's inpainting.
     *
     * @throws IllegalArgumentException when the region is empty, covers the image, or differs in size
     */
    public BufferedImage inpaint(BufferedImage image, RegionMask region) {
        requireFits(image, region, "region to inpaint");
        return Inpainting.telea(ImageFiles.toRgb(image), region);
    }

    /**
     * The image's background with its foreground (grown by a 2-pixel rim) inpainted away: what
     * {@link #replaceBackground} lays another image's foreground on.
     *
     * @throws IllegalArgumentException when the foreground is empty, covers the image, or differs in size
     */
    public BufferedImage backgroundOf(BufferedImage image, RegionMask foreground) {
        requireFits(image, foreground, "foreground");
        return Inpainting.telea(ImageFiles.toRgb(image), foreground.dilated(FOREGROUND_RIM));
    }

    /**
     * REPLACE_BACKGROUND: {@code image}'s foreground laid on {@code donor}'s background (the
     * donor's own foreground inpainted away; the donor resized to the image when sizes differ).
     *
     * @throws IllegalArgumentException when a mask is empty, covers its image, or does not fit it
     */
    public BufferedImage replaceBackground(BufferedImage image, RegionMask foreground, BufferedImage donor,
            RegionMask donorForeground) {
        requireFits(image, foreground, "foreground");
        return composite(image, foreground, backgroundOf(donor, donorForeground));
    }

    /**
     * {@code image}'s foreground laid on {@code background} (resized to the image when sizes differ).
     * The foreground's edge is feathered inwards over one pixel, so no seam is drawn and none of the
     * old background around the mask is kept.
     */
    public BufferedImage composite(BufferedImage image, RegionMask foreground, BufferedImage background) {
        requireFits(image, foreground, "foreground");
        int w = image.getWidth();
        int h = image.getHeight();
        int[] front = ImageFiles.toRgb(image).getRGB(0, 0, w, h, null, 0, w);
        int[] back = ImageFiles.resized(background, w, h).getRGB(0, 0, w, h, null, 0, w);
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                out[p] = foreground.contains(x, y) ? blend(front[p], back[p], alpha(foreground, x, y)) : back[p];
            }
        }
        return rgb(w, h, out);
    }

    /**
     * REMOVE_BACKGROUND: every pixel outside the foreground set to {@code fill} (use {@link #NEUTRAL}).
     *
     * @throws IllegalArgumentException when the foreground is empty, covers the image, or differs in size
     */
    public BufferedImage removeBackground(BufferedImage image, RegionMask foreground, Color fill) {
        requireFits(image, foreground, "foreground");
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage plain = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[w * h];
        Arrays.fill(pixels, fill.getRGB() & 0xFFFFFF);
        plain.setRGB(0, 0, w, h, pixels, 0, w);
        return composite(image, foreground, plain);
    }

    /**
     * ADD_CUE: {@code patch} (a printed word's crop, a marker) pasted with its top-left corner at (x, y).
     *
     * @throws IllegalArgumentException when the patch does not fit inside the image there
     */
    public BufferedImage paste(BufferedImage image, BufferedImage patch, int x, int y) {
        if (x < 0 || y < 0 || x + patch.getWidth() > image.getWidth() || y + patch.getHeight() > image.getHeight()) {
            throw new IllegalArgumentException("a " + patch.getWidth() + "x" + patch.getHeight() + " patch at (" + x + ", "
                    + y + ") does not fit a " + image.getWidth() + "x" + image.getHeight() + " image");
        }
        BufferedImage out = copy(image);
        out.setRGB(x, y, patch.getWidth(), patch.getHeight(),
                ImageFiles.toRgb(patch).getRGB(0, 0, patch.getWidth(), patch.getHeight(), null, 0, patch.getWidth()),
                0, patch.getWidth());
        return out;
    }

    /**
     * The pixels of a box, copied.
     *
     * @throws IllegalArgumentException when the box is not inside the image
     */
    public BufferedImage crop(BufferedImage image, int x, int y, int width, int height) {
        if (width < 1 || height < 1 || x < 0 || y < 0 || x + width > image.getWidth() || y + height > image.getHeight()) {
            throw new IllegalArgumentException("the box " + width + "x" + height + " at (" + x + ", " + y + ") is not inside a "
                    + image.getWidth() + "x" + image.getHeight() + " image");
        }
        return copy(ImageFiles.toRgb(image).getSubimage(x, y, width, height));
    }

    /** Share of the 3x3 neighbourhood inside the mask: 1 deep inside, less on the edge. */
    private static double alpha(RegionMask mask, int x, int y) {
        int n = 0;
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                boolean outsideImage = x + dx < 0 || y + dy < 0 || x + dx >= mask.width() || y + dy >= mask.height();
                n += outsideImage || mask.contains(x + dx, y + dy) ? 1 : 0;
            }
        }
        return n / 9.0;
    }

    private static int blend(int front, int back, double a) {
        int r = (int) Math.round(a * ((front >> 16) & 0xFF) + (1 - a) * ((back >> 16) & 0xFF));
        int g = (int) Math.round(a * ((front >> 8) & 0xFF) + (1 - a) * ((back >> 8) & 0xFF));
        int b = (int) Math.round(a * (front & 0xFF) + (1 - a) * (back & 0xFF));
        return r << 16 | g << 8 | b;
    }

    private static BufferedImage copy(BufferedImage image) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, image.getWidth(), image.getHeight(),
                image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()), 0, image.getWidth());
        return out;
    }

    private static BufferedImage rgb(int w, int h, int[] pixels) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    private static void requireFits(BufferedImage image, RegionMask mask, String what) {
        if (!mask.covers(image.getWidth(), image.getHeight())) {
            throw new IllegalArgumentException("the " + what + " is " + mask.width() + "x" + mask.height()
                    + " pixels but the image is " + image.getWidth() + "x" + image.getHeight());
        }
        int area = mask.area();
        if (area == 0) {
            throw new IllegalArgumentException("the " + what + " is empty: no pixel is marked");
        }
        if (area == mask.width() * mask.height()) {
            throw new IllegalArgumentException("the " + what + " covers the whole image: nothing is left to edit from");
        }
    }
}
