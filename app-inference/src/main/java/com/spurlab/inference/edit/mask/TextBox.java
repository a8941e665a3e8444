package com.spurlab.inference.edit.mask;

import com.spurlab.inference.data.PixelBox;
import java.util.Locale;
import java.util.Objects;

/**
 * A word read in an image (by OCR, or known from how the data was made) and the pixel box around it.
 *
 * @param sampleId the sample whose image holds the word
 * @param text     what was read
 * @param box      where, in the image's own pixels
 */
public record TextBox(String sampleId, String text, PixelBox box) {

    public TextBox {
        Objects.requireNonNull(box, "box");
        text = text == null ? "" : text;
    }

    /**
     * @throws IllegalArgumentException when x or y is negative or the box is smaller than 1x1
     */
    public TextBox(String sampleId, String text, int x, int y, int width, int height) {
        this(sampleId, text, new PixelBox(x, y, width, height));
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
