package com.spurlab.inference.audit;

/** Where a printed cue (a stamped word) sits in an image, in pixels. */
public record CueBox(int x, int y, int width, int height) {

    public CueBox {
        if (width < 1 || height < 1 || x < 0 || y < 0) {
            throw new IllegalArgumentException("a cue box needs a positive size inside the image, got " + x + "," + y + " "
                    + width + "x" + height);
        }
    }
}
