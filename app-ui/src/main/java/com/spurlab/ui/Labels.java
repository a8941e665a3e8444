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

    /** A fraction as a percentage with one decimal; a dash when there is none. */
    public static String percent(Double fraction) {
        return fraction == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
