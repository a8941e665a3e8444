package com.spurlab.inference.extract.ocr;

import com.spurlab.inference.data.PixelBox;
import java.util.Locale;
import java.util.Objects;

/**
 * One word read in an image, with the box it occupies in the image's own pixel coordinates: the
 * region an editor masks to remove the word.
 *
 * @param text       the word as read, lower-cased (letters and digits only)
 * @param box        where, in the image's pixels (top-left origin)
 * @param confidence mean probability of the word's characters, 0..1
 */
public record PrintedWord(String text, PixelBox box, float confidence) {

    public PrintedWord {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("a printed word needs text");
        }
        Objects.requireNonNull(box, "box");
        text = text.toLowerCase(Locale.ROOT);
    }

    /** True when the box covers pixel ({@code px}, {@code py}). */
    public boolean covers(int px, int py) {
        return box.contains(px, py);
    }

    /**
     * The word as one tab-separated line, {@code text x y width height confidence} (confidence round-trips through
     * {@link Float#toString}): how the OCR cache and EXTRACT's findings files store it.
     */
    public String toTsv() {
        return text + '\t' + box.x() + '\t' + box.y() + '\t' + box.width() + '\t' + box.height() + '\t'
                + Float.toString(confidence);
    }

    /**
     * @throws IllegalArgumentException when the line is not {@code text x y width height confidence}
     */
    public static PrintedWord fromTsv(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("a printed word needs 6 tab-separated fields, got " + f.length);
        }
        return new PrintedWord(f[0], new PixelBox(Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                Integer.parseInt(f[3]), Integer.parseInt(f[4])), Float.parseFloat(f[5]));
    }
}
