package com.spurlab.ui;

import com.spurlab.core.run.GroupResult;
import com.spurlab.core.run.SplitEvaluation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/**
 * A horizontal bar per group (accuracy, with n), the worst group highlighted and groups too small to
 * trust marked. Plain elements rather than a chart library: a dozen bars need no JavaScript bundle.
 */
class GroupBars extends Div {

    GroupBars(SplitEvaluation evaluation) {
        setId("group-bars");
        setWidthFull();
        getStyle().set("display", "grid").set("grid-template-columns", "minmax(10em, max-content) 1fr 9em")
                .set("gap", "0.4em 1em").set("align-items", "center").set("max-width", "60em");
        for (GroupResult g : evaluation.groups()) {
            boolean worst = g.group().equals(evaluation.worstGroup());
            Span name = new Span(g.group());
            Div track = new Div();
            track.getStyle().set("background", "var(--lumo-contrast-10pct)").set("height", "1.4em")
                    .set("border-radius", "4px");
            Div bar = new Div();
            bar.addClassName("group-bar");
            bar.getElement().setAttribute("data-group", g.group());
            bar.getElement().setAttribute("data-accuracy", String.format(Locale.ROOT, "%.4f", g.accuracy()));
            bar.getStyle().set("width", String.format(Locale.ROOT, "%.1f%%", 100 * g.accuracy())).set("height", "100%")
                    .set("border-radius", "4px")
                    .set("background", worst ? "var(--lumo-error-color)" : "var(--lumo-primary-color)");
            if (worst) {
                bar.addClassName("worst-group");
                name.getStyle().set("font-weight", "600").set("color", "var(--lumo-error-text-color)");
            }
            track.add(bar);
            Span value = new Span(String.format(Locale.ROOT, "%.1f %% (n=%d)%s", 100 * g.accuracy(), g.n(),
                    g.tooSmall() ? " ⚠ small" : ""));
            add(name, track, value);
        }
    }
}
