package com.spurlab.core;

/** Checks a free-text field against its column's length, so an over-long value is a 400 that names the field. */
public final class FieldLimits {

    private FieldLimits() {
    }

    /** Returns the value unchanged, or throws naming the field and its limit. */
    public static String atMost(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidRequestException("field_too_long", field + ": at most " + max + " characters, got "
                    + value.length());
        }
        return value;
    }
}
