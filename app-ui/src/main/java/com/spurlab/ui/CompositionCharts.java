package com.spurlab.ui;

import com.spurlab.core.dataset.Composition;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.HeatmapChart;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a version is made of, as heat maps with counts and a colour legend: per attribute, label × value per
 * split on one colour scale (so a balanced split looks balanced next to a skewed train split), with the
 * association that flags a cue; without attributes, label × split. Clicking a cell opens its samples.
 */
class CompositionCharts extends Div {

    private static final List<String> SPLITS = List.of("train", "val", "test");

    /** Called with the group whose cell was clicked (attribute and value null for label-only groups). */
    interface GroupListener {
        void open(String split, String label, String attribute, String value);
    }

    CompositionCharts(Composition composition, Map<String, Map<String, Integer>> labelCounts, GroupListener onGroup) {
        setId("composition");
        setWidthFull();
        if (composition.byAttribute().isEmpty()) {
            labelsOnly(composition, labelCounts, onGroup);
            return;
        }
        composition.byAttribute().forEach((attribute, c) -> {
            add(new H4(String.format(Locale.ROOT, "%s — Cramér's V %.2f, normalised mutual information %.2f "
                    + "(train split)", attribute, c.cramersV(), c.normalizedMutualInformation())));
            if (c.suspectedCue()) {
                Span flag = new Span("Suspected spurious cue: '" + attribute + "' predicts the label in train");
                flag.getElement().getThemeList().add("badge error");
                flag.addClassName("suspected-cue");
                add(flag);
            }
            List<String> values = composition.attributes().get(attribute);
            List<HeatmapChart> charts = new ArrayList<>();
            List<String> splits = new ArrayList<>();
            for (String split : SPLITS) {
                Map<String, Map<String, Integer>> counts = c.counts().get(split);
                if (counts != null) {
                    List<String> labels = List.copyOf(counts.keySet());
                    double[][] cells = new double[labels.size()][values.size()];
                    for (int r = 0; r < labels.size(); r++) {
                        for (int v = 0; v < values.size(); v++) {
                            cells[r][v] = counts.get(labels.get(r)).getOrDefault(values.get(v), 0);
                        }
                    }
                    charts.add(HeatmapChart.of(values, labels.stream().map(Labels::group).toList(), cells)
                            .axes(attribute, "label"));
                    splits.add(split);
                }
            }
            double scale = charts.stream().mapToDouble(HeatmapChart::max).max().orElse(1);
            Div row = row();
            for (int i = 0; i < charts.size(); i++) {
                String split = splits.get(i);
                List<String> labels = List.copyOf(c.counts().get(split).keySet());
                HeatmapChart chart = charts.get(i).scale(scale);
                row.add(panel(split, "composition-" + attribute + "-" + split, chart, cell -> onGroup.open(split,
                        labels.get(cell[0]), attribute, values.get(cell[1]))));
            }
            add(row, note("One colour scale for all splits of '" + attribute + "' (darkest = " + (long) scale
                    + " images); click a count to see its images."));
        });
    }

    private void labelsOnly(Composition composition, Map<String, Map<String, Integer>> counts, GroupListener onGroup) {
        List<String> splits = SPLITS.stream().filter(counts::containsKey).toList();
        List<String> labels = composition.labels();
        double[][] cells = new double[labels.size()][splits.size()];
        for (int r = 0; r < labels.size(); r++) {
            for (int s = 0; s < splits.size(); s++) {
                cells[r][s] = counts.get(splits.get(s)).getOrDefault(labels.get(r), 0);
            }
        }
        add(new H4("Images per label and split"), note("This version has no attributes, so groups are its labels."));
        HeatmapChart chart = HeatmapChart.of(splits, labels.stream().map(Labels::group).toList(), cells)
                .axes("split", "label");
        Div row = row();
        row.add(panel(null, "composition-labels", chart, cell -> onGroup.open(splits.get(cell[1]), labels.get(cell[0]),
                null, null)));
        add(row);
    }

    private static Div row() {
        Div row = new Div();
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        row.setWidthFull();
        return row;
    }

    private static Div panel(String split, String id, HeatmapChart option, java.util.function.Consumer<int[]> open) {
        EChart chart = new EChart(option);
        chart.setId(id);
        chart.addItemClickListener(click -> open.accept(option.cell(click.dataIndex())));
        Div panel = split == null ? new Div(chart) : new Div(new Span(split + " split"), chart);
        panel.getStyle().set("flex", "1 1 18em");
        panel.setMinWidth("16em");
        panel.setMaxWidth(option.suggestedMaxWidth());
        return panel;
    }

    private static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return p;
    }
}
