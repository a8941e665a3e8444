package com.spurlab.inference.extract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What EXTRACT may look at; the step's {@code sources} parameter narrows the default of all of them. */
public enum CueSource {
    ATTRIBUTES,
    KEYWORDS,
    TEXT,
    SLICES,
    SALIENCY;

    /** Every source: the default. */
    public static Set<CueSource> all() {
        return EnumSet.allOf(CueSource.class);
    }

    /**
     * Parses names such as {@code "keywords"} or {@code "TEXT"}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the unknown source and the valid ones
     */
    public static Set<CueSource> parse(Iterable<String> names) {
        Set<CueSource> sources = EnumSet.noneOf(CueSource.class);
        for (String name : names) {
            try {
                sources.add(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new IllegalArgumentException("source '" + name + "' is unknown; choose from "
                        + Arrays.toString(values()), e);
            }
        }
        return sources;
    }
}
