package com.spurlab.ui;

import com.spurlab.core.dataset.Composition;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Label × attribute value counts per split as heat maps, with the association (train split) that flags
 * a cue. Clicking a count opens that group's samples.
 */
class CompositionTable extends Div {

    /** Called with the group whose count was clicked. */
    interface GroupListener {
        void open(String split, String label, String attribute, String value);
    }

    CompositionTable(Composition composition, GroupListener onGroup) {
        setId("composition");
        composition.byAttribute().forEach((attribute, c) -> {
            H4 title = new H4(String.format(Locale.ROOT, "%s — Cramér's V %.2f, NMI %.2f", attribute, c.cramersV(),
                    c.normalizedMutualInformation()));
            add(title);
            if (c.suspectedCue()) {
                Span flag = new Span("Suspected spurious cue: '" + attribute + "' predicts the label in train");
                flag.getElement().getThemeList().add("badge error");
                flag.addClassName("suspected-cue");
                add(flag);
            }
            Div splits = new Div();
            splits.getStyle().set("display", "flex").set("gap", "2em").set("flex-wrap", "wrap");
            for (String split : List.of("train", "val", "test")) {
                Map<String, Map<String, Integer>> counts = c.counts().get(split);
                if (counts != null) {
                    splits.add(table(split, attribute, composition.attributes().get(attribute), counts, onGroup));
                }
            }
            add(splits);
        });
    }

    private static NativeTable table(String split, String attribute, List<String> values,
                                     Map<String, Map<String, Integer>> counts, GroupListener onGroup) {
        int max = counts.values().stream().flatMap(m -> m.values().stream()).max(Integer::compare).orElse(1);
        NativeTableRow head = new NativeTableRow(new NativeTableHeaderCell(split + ": label \\ value"));
        values.forEach(v -> head.add(new NativeTableHeaderCell(v)));
        NativeTableBody body = new NativeTableBody();
        counts.forEach((label, row) -> {
            NativeTableRow tr = new NativeTableRow(new NativeTableHeaderCell(label));
            for (String value : values) {
                int n = row.getOrDefault(value, 0);
                NativeTableCell cell = new NativeTableCell(String.valueOf(n));
                double heat = (double) n / Math.max(1, max);
                cell.getStyle().set("background", String.format(Locale.ROOT, "rgba(220, 80, 40, %.2f)", 0.08 + 0.6 * heat))
                        .set("padding", "0.3em 1em").set("text-align", "right");
                if (n > 0) {
                    cell.getStyle().set("cursor", "pointer").set("text-decoration", "underline dotted");
                    cell.getElement().setAttribute("title", "show the samples of this group");
                    cell.addClassName("group-cell");
                    cell.getElement().setAttribute("data-group", split + "/" + label + "/" + attribute + "=" + value);
                    cell.addClickListener(e -> onGroup.open(split, label, attribute, value));
                }
                tr.add(cell);
            }
            body.add(tr);
        });
        NativeTable table = new NativeTable(new NativeTableHeader(head), body);
        table.getStyle().set("border-collapse", "collapse").set("margin-bottom", "1em");
        return table;
    }
}
