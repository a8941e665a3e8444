package com.spurlab.inference.cueset;

import java.util.List;

/**
 * The spurious cue a set carries. Each kind has two values; in training a class mostly shows its own
 * value (see {@link #ownValue}), in val and test each value appears on half of every class.
 */
public enum CueKind {

    /** Warm (reds/oranges) vs cool (blues/cyans) background; its texture is nuisance. */
    BACKGROUND("background", "warm", "cool"),
    /** A printed word stamped somewhere on the image vs no word; the background is nuisance. */
    STAMPED_WORD("stamp", "stamped", "plain"),
    /** A global sepia vs blue tint over the whole image, garment included. */
    COLOUR_CAST("cast", "sepia", "blue"),
    /** Striped vs dotted background; both values draw their colours from the same range. */
    TEXTURE("texture", "striped", "dotted");

    private final String attribute;
    private final List<String> values;

    CueKind(String attribute, String first, String second) {
        this.attribute = attribute;
        this.values = List.of(first, second);
    }

    /** The manifest's attribute column without the {@code attr:} prefix. */
    public String attribute() {
        return attribute;
    }

    /** The two cue values; value 0 is the one a stamped word or class 0 carries. */
    public List<String> cueValues() {
        return values;
    }

    /**
     * Index into {@link #cueValues()} of the value that class {@code position} (its place in the spec's
     * class list) mostly shows in training: alternating for the colour and texture kinds, so classes
     * 0, 2, … share value 0; for a stamped word only class 0 is mostly stamped.
     */
    public int ownValue(int position) {
        return this == STAMPED_WORD ? (position == 0 ? 0 : 1) : position % 2;
    }
}
