package com.spurlab.core.dataset;

import com.spurlab.core.Json;

/**
 * The lengths the sample table holds: a row whose label, path, caption or attributes are longer is
 * excluded with a report line that names the field and the limit (never a database error).
 */
final class SampleFieldLimits {

    static final int PATH = 1000;
    static final int LABEL = 200;
    static final int CAPTION = 2000;
    static final int ATTRIBUTES = 2000;

    private SampleFieldLimits() {
    }

    /** False (with a row error logged) when a field is too long for its column. */
    static boolean fits(DatasetLayout.Row row, ProblemLog log) {
        return fits(row, log, "label", row.label(), LABEL)
                && fits(row, log, "image path", row.image(), PATH)
                && fits(row, log, "mask path", row.mask(), PATH)
                && fits(row, log, "caption", row.caption(), CAPTION)
                && fits(row, log, "attributes", Json.write(row.attributes()), ATTRIBUTES);
    }

    private static boolean fits(DatasetLayout.Row row, ProblemLog log, String field, String value, int max) {
        if (value == null || value.length() <= max) {
            return true;
        }
        log.rowError(row.file(), row.line(), "too-long:" + field, field + " is " + value.length()
                + " characters long; at most " + max + " are allowed");
        return false;
    }
}
