package com.spurlab.inference.synth;

import com.spurlab.inference.edit.EditCue;
import java.util.Locale;

/**
 * A cue read for synthesis: where its values come from (an attribute, a caption keyword, a printed word, or an
 * attribute {@code cue:<cue>} that EXTRACT inferred), which attribute of the derived version carries them, and
 * which region of an image holds it (the background, or a printed word's boxes).
 *
 * @param name      the cue as DESIGN names it, e.g. {@code attribute:background}, {@code text:sale}, {@code cue:text:sale}
 * @param region    where the cue lives in an image
 * @param attribute the attribute whose values are the cue's values: the attribute's own name, else {@code cue:<cue>}
 * @param word      the printed word of a text cue (lower case), else null
 * @param inferred  true when SYNTHESIZE itself works out each sample's value (keyword and text cues, yes/no): the
 *                  derived version then stores them as the attribute on every sample
 */
public record SynthesisCue(String name, Region region, String attribute, String word, boolean inferred) {

    /** Where a cue lives in an image. */
    public enum Region { BACKGROUND, TEXT }

    /** The values of keyword, text and inferred {@code cue:} attributes, as EXTRACT's inferred attribute has them. */
    public static final String YES = "yes";
    public static final String NO = "no";

    private static final String INFERRED = "cue:";

    /**
     * Parses {@code attribute:<name>[=<value>]} (the groups are label × every value of the attribute),
     * {@code keyword:<word>}, {@code text:<word>} or {@code cue:<one of these>}.
     *
     * @throws IllegalArgumentException for {@code mask}, {@code slice:} cues and anything unreadable, saying what to name
     */
    public static SynthesisCue parse(String cue) {
        String c = cue == null ? "" : cue.trim();
        if (c.toLowerCase(Locale.ROOT).startsWith(INFERRED)) {
            String inner = c.substring(INFERRED.length()).trim();
            if (inner.toLowerCase(Locale.ROOT).startsWith("slice:")) {
                throw new IllegalArgumentException("the cue " + c + " is a cluster of errors with no region to recombine:"
                        + " name the attribute, keyword or printed word behind it");
            }
            SynthesisCue of = parse(inner);
            return new SynthesisCue(INFERRED + of.name(), of.region(), INFERRED + of.name(), of.word(), false);
        }
        if (c.equals("mask")) {
            throw new IllegalArgumentException("the cue 'mask' is the region outside every foreground, not a property"
                    + " that some samples have and others lack: name the attribute or caption keyword that tells"
                    + " backgrounds apart (attribute:<name>, keyword:<word>)");
        }
        EditCue edit = EditCue.parse(c);
        return switch (edit.kind()) {
            case ATTRIBUTE -> new SynthesisCue(edit.toString(), Region.BACKGROUND, edit.name(), null, false);
            case KEYWORD -> new SynthesisCue(edit.toString(), Region.BACKGROUND, INFERRED + edit, null, true);
            case TEXT -> {
                String word = edit.name().toLowerCase(Locale.ROOT);
                yield new SynthesisCue("text:" + word, Region.TEXT, INFERRED + "text:" + word, word, true);
            }
            case MASK -> throw new IllegalArgumentException("the cue 'mask' has no values to balance");
        };
    }

    /** The EXTRACT/EDIT name of the cue behind an inferred attribute ({@code text:sale} for {@code cue:text:sale}). */
    public String underlying() {
        return name.startsWith(INFERRED) ? name.substring(INFERRED.length()) : name;
    }
}
