package com.spurlab.scheduler.step.audit;

import java.util.Map;
import java.util.TreeMap;

/**
 * A cue that samples carry as an attribute, as DESIGN.md names it: {@code attribute:<name>} (each value its own)
 * or {@code attribute:<name>=<value>} (that value against {@code not <value>}).
 *
 * @param value {@code null} for every value of the attribute
 */
record AttributeCue(String attribute, String value) {

    static final String PREFIX = "attribute:";

    static boolean names(String cue) {
        return cue.startsWith(PREFIX) && cue.length() > PREFIX.length();
    }

    static AttributeCue parse(String cue) {
        if (!names(cue)) {
            throw new IllegalArgumentException("not an attribute cue: " + cue);
        }
        String rest = cue.substring(PREFIX.length());
        int eq = rest.indexOf('=');
        return eq < 0 ? new AttributeCue(rest, null) : new AttributeCue(rest.substring(0, eq), rest.substring(eq + 1));
    }

    static AttributeCue of(String attribute) {
        return new AttributeCue(attribute, null);
    }

    String name() {
        return PREFIX + attribute + (value == null ? "" : "=" + value);
    }

    /** The cue value a sample shows, or {@code null} when it has no value of the attribute. */
    String valueOf(Map<String, String> attributes) {
        String v = attributes.get(attribute);
        if (v == null || v.isBlank()) {
            return null;
        }
        return value == null ? v : value.equals(v) ? value : "not " + value;
    }

    /**
     * Training samples per {@code "label|cue value"}.
     *
     * @param trainByLabel the training split's counts, label → attribute value → samples (the composition's)
     */
    Map<String, Integer> trainCounts(Map<String, Map<String, Integer>> trainByLabel) {
        Map<String, Integer> out = new TreeMap<>();
        trainByLabel.forEach((label, byValue) -> byValue.forEach((v, n) -> {
            String shown = valueOf(Map.of(attribute, v));
            if (shown != null) {
                out.merge(label + "|" + shown, n, Integer::sum);
            }
        }));
        return out;
    }
}
