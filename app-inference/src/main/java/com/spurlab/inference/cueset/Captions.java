package com.spurlab.inference.cueset;

import com.spurlab.inference.cueset.SceneRenderer.Texture;
import java.util.Locale;

/** Captions as a person would write them: the garment, then the context that carries the cue. */
final class Captions {

    private Captions() {
    }

    static String of(String label, CueKind cue, int cueValue, Texture nuisance, String word) {
        String garment = (label.matches("[aeiou].*") ? "an " : "a ") + label;
        String value = cue.cueValues().get(cueValue);
        return switch (cue) {
            case BACKGROUND -> garment + " on a " + value + " " + nuisance.word() + " background";
            case TEXTURE -> garment + " on a " + value + " background";
            case COLOUR_CAST -> garment + " on a " + nuisance.word() + " background in " + value + " tones";
            case STAMPED_WORD -> garment + " on a " + nuisance.word() + " background"
                    + (cueValue == 0 ? " with the word " + word.toLowerCase(Locale.ROOT) + " printed on it" : "");
        };
    }
}
