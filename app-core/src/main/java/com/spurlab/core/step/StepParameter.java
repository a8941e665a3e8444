package com.spurlab.core.step;

import java.util.List;

/**
 * One parameter of a step type as forms and the OpenAPI document show it.
 *
 * @param choices      the allowed values of a CHOICE parameter, else empty
 * @param min          inclusive lower bound of a number, null when unbounded
 * @param max          inclusive upper bound of a number, null when unbounded
 * @param defaultValue what the step uses when the parameter is left out; null when the default depends on the
 *                     dataset or the plan (the description says how)
 * @param pattern      a regular expression a TEXT value must match, null when any
 */
public record StepParameter(String name, Kind kind, List<String> choices, Double min, Double max, Object defaultValue,
                            String description, String pattern) {

    public enum Kind { INTEGER, NUMBER, BOOLEAN, TEXT, CHOICE, LIST }

    /** "a whole number from 1 to 500", "one of [ERM, DFR]": how an error message words what is allowed. */
    public String allowed() {
        String range = min != null && max != null ? " from " + number(min) + " to " + number(max)
                : min != null ? " of at least " + number(min) : max != null ? " of at most " + number(max) : "";
        return switch (kind) {
            case INTEGER -> "a whole number" + range;
            case NUMBER -> "a number" + range;
            case BOOLEAN -> "true or false";
            case CHOICE -> "one of " + choices;
            case LIST -> "a list of names (or one comma-separated string)";
            case TEXT -> pattern == null ? "text" : "text matching " + pattern;
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }
}
