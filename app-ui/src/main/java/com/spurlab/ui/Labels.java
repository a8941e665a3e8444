package com.spurlab.ui;

import java.util.Locale;

/** Domain words for what the data stores as codes: group keys, comparators, fractions. */
public final class Labels {

    private Labels() {
    }

    /** A group key such as {@code t-shirt|warm} as people read it: "T-shirt · warm". */
    public static String group(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        String shown = key.replace("|", " · ");
        return Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
    }

    /** A KPI comparator as a sign: {@code >=} → ≥, {@code <=} → ≤. */
    public static String comparator(String code) {
        return switch (code) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            case ">" -> ">";
            case "<" -> "<";
            default -> code;
        };
    }

    /** A training method or other choice by its short name ("GroupDRO" for GROUP_DRO). */
    public static String choice(String code) {
        return code == null ? "—" : ParameterWords.shortChoice(code);
    }

    /** A step parameter's name as a form labels it ("Learning rate" for learningRate). */
    public static String parameter(String name) {
        return ParameterWords.label(name);
    }

    /** A fraction with its interval: "71.2 % (65.0 – 77.1 %)". */
    public static String percentWithInterval(Double fraction, Double low, Double high) {
        if (fraction == null) {
            return "—";
        }
        return low == null || high == null ? percent(fraction) : String.format(Locale.ROOT, "%.1f %% (%.1f – %.1f %%)",
                100 * fraction, 100 * low, 100 * high);
    }

    /** A fraction as a percentage with one decimal; a dash when there is none. */
    public static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
