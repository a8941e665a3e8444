package com.spurlab.inference.extract.ocr;

import java.util.Locale;

/**
 * One word read in an image, with the box it occupies in the image's own pixel coordinates: the
 * region an editor masks to remove the word.
 *
 * @param text       the word as read, lower-cased (letters and digits only)
 * @param x          left edge, pixels from the image's left
 * @param y          top edge, pixels from the image's top
 * @param width      box width in pixels, at least 1
 * @param height     box height in pixels, at least 1
 * @param confidence mean probability of the word's characters, 0..1
 */
public record PrintedWord(String text, int x, int y, int width, int height, float confidence) {

    public PrintedWord {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a printed word needs text");
        }
        text = text.toLowerCase(Locale.ROOT);
        width = Math.max(1, width);
        height = Math.max(1, height);
    }

    /** True when the box covers pixel ({@code px}, {@code py}). */
    public boolean covers(int px, int py) {
        return px >= x && px < x + width && py >= y && py < y + height;
    }
}
