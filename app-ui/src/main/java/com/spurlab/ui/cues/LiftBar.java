package com.spurlab.ui.cues;

import com.vaadin.flow.component.html.Div;
import java.util.Locale;

/**
 * A cue's lift with its 95 % interval on a log scale from ×1/8 to ×32: a bar from ×1 (no effect, a marked line) to the
 * lift, red when the whole interval lies above ×1, and a whisker across the interval. Plain elements with Lumo colours:
 * one small bar per table row needs no chart library.
 */
class LiftBar extends Div {

    /** log2 of the scale's ends. */
    private static final double LOW = -3;
    private static final double HIGH = 5;

    LiftBar(Double lift, Double ciLow, Double ciHigh) {
        addClassName("lift-bar");
        getStyle().set("position", "relative").set("width", "12em").set("height", "1.2em")
                .set("background", "var(--lumo-contrast-5pct)").set("border-radius", "var(--lumo-border-radius-s)");
        setAttribute("data-lift", lift);
        setAttribute("data-ci-low", ciLow);
        setAttribute("data-ci-high", ciHigh);
        getElement().setAttribute("title", Figures.lift(lift, ciLow, ciHigh));
        Div one = new Div();
        one.getStyle().set("position", "absolute").set("left", pct(1.0)).set("top", "0").set("bottom", "0")
                .set("border-left", "1px dashed var(--lumo-contrast-50pct)");
        add(one);
        if (lift == null) {
            return;
        }
        boolean above = ciLow != null && ciLow > 1;
        Div bar = new Div();
        bar.addClassName("lift-value");
        bar.getStyle().set("position", "absolute").set("top", "0.25em").set("bottom", "0.25em")
                .set("left", pct(Math.min(1, lift))).set("width", width(Math.min(1, lift), Math.max(1, lift)))
                .set("background", above ? "var(--lumo-error-color)" : "var(--lumo-contrast-40pct)")
                .set("border-radius", "2px");
        add(bar);
        if (ciLow != null && ciHigh != null) {
            Div whisker = new Div();
            whisker.addClassName("lift-interval");
            whisker.getStyle().set("position", "absolute").set("top", "calc(50% - 1px)").set("height", "2px")
                    .set("left", pct(ciLow)).set("width", width(ciLow, ciHigh))
                    .set("background", "var(--lumo-body-text-color)");
            add(whisker);
        }
    }

    private void setAttribute(String name, Double value) {
        getElement().setAttribute(name, value == null ? "" : String.format(Locale.ROOT, "%.4f", value));
    }

    /** Where a lift lies on the bar, as a CSS percentage (clipped to the scale). */
    static String pct(double lift) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * position(lift));
    }

    private static String width(double from, double to) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * Math.max(0.005, position(to) - position(from)));
    }

    static double position(double lift) {
        double log = lift <= 0 ? LOW : Math.log(lift) / Math.log(2);
        return (Math.max(LOW, Math.min(HIGH, log)) - LOW) / (HIGH - LOW);
    }
}
