package com.spurlab.inference.data;

/**
 * An axis-aligned box in an image's own pixels (top-left origin): a printed word, a region to edit.
 * The one box type of the inference module (see the coordination notes: OCR, EDIT's text masks and
 * AUDIT's boxes converge on it).
 *
 * @param x      left edge, pixels from the image's left, at least 0
 * @param y      top edge, pixels from the image's top, at least 0
 * @param width  at least 1
 * @param height at least 1
 */
public record PixelBox(int x, int y, int width, int height) {

    public PixelBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("a pixel box needs x, y >= 0 and a size of at least 1x1, got (" + x + ", "
                    + y + ") " + width + "x" + height);
        }
    }

    /** True when the box covers pixel ({@code px}, {@code py}). */
    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
}
