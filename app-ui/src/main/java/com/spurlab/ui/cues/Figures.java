package com.spurlab.ui.cues;

import java.util.Locale;

/** How the Cues tab writes a figure: a dash where it does not exist. */
final class Figures {

    private Figures() {
    }

    static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }

    static String times(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "×%.2f", value);
    }

    static String lift(Double value, Double low, Double high) {
        return value == null ? "—" : times(value) + (low == null || high == null ? ""
                : String.format(Locale.ROOT, " (95 %% CI %.2f–%.2f)", low, high));
    }

    static String number(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.3f", value);
    }
}
