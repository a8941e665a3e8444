package com.spurlab.ui.runs;

import com.spurlab.core.results.EpochPoint;
import com.spurlab.core.results.EvaluatedRun;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.RunComparison;
import com.spurlab.ui.Labels;
import com.spurlab.ui.chart.EChart;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Two to five runs side by side: per-group bars overlaid, the parameters that differ, the learning curves. */
class RunComparisonPanel extends VerticalLayout {

    RunComparisonPanel(RunComparison c) {
        setPadding(false);
        setId("comparison-panel");
        Map<String, List<GroupEstimate>> groups = new LinkedHashMap<>();
        Map<String, List<EpochPoint>> curves = new LinkedHashMap<>();
        for (EvaluatedRun run : c.runs()) {
            String name = name(run);
            groups.put(name, c.groupsByRun().get(run.evaluationRunId()));
            curves.put(name, c.curves().get(run.evaluationRunId()));
        }
        add(new H3("Comparing " + String.join(", ", groups.keySet())));
        add(new H4("Test accuracy per group (95 % Wilson intervals; the worst group of each run outlined)"));
        EChart bars = new EChart(ResultCharts.groupBars(c.groups(), groups));
        bars.setId("compare-groups");
        add(bars);

        add(new H4("Parameters"));
        Grid<RunComparison.ParameterRow> parameters = new Grid<>();
        parameters.setId("compare-parameters");
        parameters.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        parameters.addComponentColumn(row -> cell(parameterName(row), row.differs())).setHeader("Parameter")
                .setAutoWidth(true).setFrozen(true);
        for (int i = 0; i < c.runs().size(); i++) {
            int index = i;
            parameters.addComponentColumn(row -> cell(Labels.choice(row.values().get(index)), row.differs()))
                    .setHeader(name(c.runs().get(i))).setAutoWidth(true);
        }
        parameters.setClassNameGenerator(row -> row.differs() ? "parameter-differs" : "parameter-same");
        parameters.setItems(c.parameters().stream().sorted((a, b) -> Boolean.compare(b.differs(), a.differs())).toList());
        parameters.setAllRowsVisible(true);
        Paragraph legend = new Paragraph("Parameters that differ come first, highlighted.");
        legend.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        add(parameters, legend);

        add(new H4("Val worst-group accuracy per epoch"));
        boolean measured = curves.values().stream().flatMap(List::stream)
                .anyMatch(p -> p.validationWorstGroupAccuracy() != null);
        EChart lines = new EChart(measured
                ? ResultCharts.compareCurves(curves, EpochPoint::validationWorstGroupAccuracy, "val worst-group accuracy")
                : ResultCharts.compareCurves(curves, EpochPoint::trainLoss, "train loss").plain("train loss"));
        lines.setId("compare-curves");
        if (!measured) {
            add(new Paragraph("No run scored val during training (selection LAST or no val split): train loss instead."));
        }
        add(lines);
    }

    private static Span cell(String text, boolean differs) {
        Span span = new Span(text);
        if (differs) {
            span.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.TextColor.PRIMARY);
        }
        return span;
    }

    private static String parameterName(RunComparison.ParameterRow row) {
        return row.name().equals("dataset") ? "Dataset version" : Labels.parameter(row.name());
    }

    static String name(EvaluatedRun run) {
        return "#" + run.evaluationRunId() + " " + Labels.choice(run.method());
    }
}
