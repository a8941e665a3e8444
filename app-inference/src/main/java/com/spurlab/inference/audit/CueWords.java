package com.spurlab.inference.audit;

import java.util.Locale;

/**
 * How findings name a cue and an edit: {@code attribute:background} is "the background", a context value
 * {@code warm} reads "background warm"; {@code REPLACE_BACKGROUND} is "swapped".
 *
 * @param noun      the cue as a subject, e.g. "the background", "the printed word “SALE”"
 * @param attribute the word put before a value, e.g. "background"
 */
record CueWords(String noun, String attribute) {

    static CueWords of(String cue) {
        String c = cue == null ? "" : cue.strip();
        int colon = c.indexOf(':');
        String kind = colon < 0 ? c.toLowerCase(Locale.ROOT) : c.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : c.substring(colon + 1).strip();
        return switch (kind) {
            case "attribute" -> {
                String name = rest.contains("=") ? rest.substring(0, rest.indexOf('=')).strip() : rest;
                yield new CueWords("the " + name, name);
            }
            case "text" -> new CueWords("the printed word “" + rest + "”", "printed word");
            case "keyword" -> new CueWords("“" + rest + "”", rest);
            case "mask" -> new CueWords("the region outside the object", "region");
            default -> new CueWords(c.isEmpty() ? "the cue" : c, c.isEmpty() ? "cue" : c);
        };
    }

    /** "background warm"; a group without attribute reads as itself. */
    String context(String value) {
        return value == null || value.isEmpty() ? "all samples" : attribute + " " + value;
    }

    /** The edit as a past participle: "swapped", "removed", "inpainted away". */
    static String edited(String operation) {
        if (operation == null) {
            return "edited out";
        }
        return switch (operation.strip().toUpperCase(Locale.ROOT)) {
            case "REPLACE_BACKGROUND" -> "swapped";
            case "REMOVE_BACKGROUND" -> "removed";
            case "INPAINT" -> "inpainted away";
            case "ADD_CUE" -> "added";
            default -> "edited out";
        };
    }
}
