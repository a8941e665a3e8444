package com.spurlab.inference.edit.mask;

import java.util.Locale;

/**
 * A word read in an image (by OCR, or known from how the data was made) and the pixel box around it.
 *
 * @param sampleId the sample whose image holds the word
 * @param text     what was read
 * @param x        left edge, pixels from the image's left
 * @param y        top edge, pixels from the image's top
 * @param width    box width in pixels, at least 1
 * @param height   box height in pixels, at least 1
 */
public record TextBox(String sampleId, String text, int x, int y, int width, int height) {

    public TextBox {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("text box of sample " + sampleId + " must be at least 1x1 pixels, got "
                    + width + "x" + height);
        }
        text = text == null ? "" : text;
    }

    /**
     * Whether the box reads {@code word}: compared on letters and digits only, ignoring case, so OCR's
     * stray punctuation ("SALE." for "sale") still matches.
     */
    public boolean reads(String word) {
        String wanted = normalised(word);
        return !wanted.isEmpty() && normalised(text).contains(wanted);
    }

    static String normalised(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]", "");
    }
}
