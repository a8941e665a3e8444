package com.spurlab.inference.cueset;

/** Pixel bounding box of a stamped word: every pixel the word's ink touches lies inside it. */
public record TextBox(int x, int y, int width, int height) {

    public TextBox {
        if (x < 0 || y < 0 || width < 1 || height < 1) {
            throw new IllegalArgumentException("not a box: " + x + "," + y + " " + width + "x" + height);
        }
    }

    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < x + width && py < y + height;
    }
}
