package com.spurlab.inference.edit;

import com.spurlab.inference.edit.mask.TextBox;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A cue's name (DESIGN.md) read for editing: which region of an image it lives in (the background
 * for attribute, keyword and mask cues; a printed word's boxes for text cues) and what value of it
 * an image carries.
 *
 * @param kind  what sort of cue
 * @param name  the attribute's name or the word; empty for {@code mask}
 * @param value the attribute's value for {@code attribute:<name>=<value>}, else {@code null}
 */
public record EditCue(Kind kind, String name, String value) {

    /** What sort of cue; {@code SLICE} has no region to edit and is refused by {@link #parse}. */
    public enum Kind { ATTRIBUTE, KEYWORD, TEXT, MASK }

    /** The value a sample carries for a keyword or text cue it shows. */
    public static final String PRESENT = "present";
    /** The value a sample carries for a keyword or text cue it does not show. */
    public static final String ABSENT = "absent";

    /**
     * Parses {@code attribute:<name>[=<value>]}, {@code keyword:<word>}, {@code text:<word>} or {@code mask}.
     *
     * @throws IllegalArgumentException for any other name, a {@code slice:} cue included, with what to name instead
     */
    public static EditCue parse(String cue) {
        String c = cue == null ? "" : cue.trim();
        if (c.equals("mask")) {
            return new EditCue(Kind.MASK, "", null);
        }
        int colon = c.indexOf(':');
        String prefix = colon < 0 ? c : c.substring(0, colon).toLowerCase(Locale.ROOT);
        String rest = colon < 0 ? "" : c.substring(colon + 1).trim();
        if (prefix.equals("slice")) {
            throw new IllegalArgumentException("the cue " + c + " is a cluster of errors with no region to edit: name the"
                    + " attribute, keyword or printed word behind it (attribute:<name>, keyword:<word>, text:<word>)");
        }
        if (rest.isEmpty() || !List.of("attribute", "keyword", "text").contains(prefix)) {
            throw new IllegalArgumentException("cannot read the cue '" + c + "': name attribute:<name>,"
                    + " attribute:<name>=<value>, keyword:<word>, text:<word> or mask");
        }
        if (prefix.equals("attribute")) {
            int eq = rest.indexOf('=');
            String name = eq < 0 ? rest : rest.substring(0, eq).trim();
            String value = eq < 0 ? null : rest.substring(eq + 1).trim();
            if (name.isEmpty() || (value != null && value.isEmpty())) {
                throw new IllegalArgumentException("cannot read the cue '" + c + "': name attribute:<name> or"
                        + " attribute:<name>=<value>");
            }
            return new EditCue(Kind.ATTRIBUTE, name, value);
        }
        return new EditCue(prefix.equals("keyword") ? Kind.KEYWORD : Kind.TEXT, rest, null);
    }

    /** True when the cue is the background (the region outside the foreground mask). */
    public boolean isBackground() {
        return kind != Kind.TEXT;
    }

    /**
     * The edit that removes the cue when none is named: a printed word is inpainted, a background swapped for one of
     * another value of the cue (the counterfactual that keeps the image natural).
     */
    public EditOperation defaultOperation() {
        return isBackground() ? EditOperation.REPLACE_BACKGROUND : EditOperation.INPAINT;
    }

    /**
     * Checks that the operation edits this kind of cue: INPAINT and ADD_CUE take a printed word's boxes or a
     * background, the background operations only a background.
     *
     * @throws IllegalArgumentException naming the operations that fit
     */
    public void requireSuits(EditOperation op) {
        if (op == EditOperation.INPAINT && isBackground()) {
            throw new IllegalArgumentException("INPAINT fills a printed word's boxes (a text: cue); for " + this
                    + ", a background cue, use REMOVE_BACKGROUND or REPLACE_BACKGROUND");
        }
        if ((op == EditOperation.REPLACE_BACKGROUND || op == EditOperation.REMOVE_BACKGROUND) && !isBackground()) {
            throw new IllegalArgumentException(op + " edits a background cue; for " + this + " use INPAINT or ADD_CUE");
        }
    }

    /**
     * The cue's value in one sample: the attribute's value ({@code null} when the sample lacks the
     * attribute), {@link #PRESENT} / {@link #ABSENT} for keywords and printed words, the label for {@code mask}.
     *
     * @param boxes the sample's text boxes (only a text cue looks at them)
     */
    public String valueOf(EditSample sample, List<TextBox> boxes) {
        return switch (kind) {
            case ATTRIBUTE -> sample.attributes().get(name);
            case KEYWORD -> sample.caption() != null && Pattern.compile("\\b" + Pattern.quote(name) + "\\b",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(sample.caption()).find() ? PRESENT : ABSENT;
            case TEXT -> boxes.stream().anyMatch(b -> b.reads(name)) ? PRESENT : ABSENT;
            case MASK -> String.valueOf(sample.label());
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ATTRIBUTE -> "attribute:" + name + (value == null ? "" : "=" + value);
            case KEYWORD -> "keyword:" + name;
            case TEXT -> "text:" + name;
            case MASK -> "mask";
        };
    }
}
