package com.spurlab.inference.extract;

import java.util.Locale;

/** Cue names as DESIGN spells them. */
final class Cues {

    static final String ATTRIBUTE = "attribute:";
    static final String KEYWORD = "keyword:";
    static final String TEXT = "text:";
    static final String SLICE = "slice:";
    static final String MASK = "mask";

    private Cues() {
    }

    static String attribute(String name, String value) {
        return ATTRIBUTE + name + "=" + value;
    }

    static String text(String word) {
        return TEXT + word.toLowerCase(Locale.ROOT);
    }
}
