package com.spurlab.ui.dashboard;

import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.report.PilotWords;
import com.spurlab.ui.Labels;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.spurlab.ui.chart.ChartOption;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.LineChart;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Each KPI over the comparable evaluations, oldest first (experiments, and dataset versions of the baseline's lineage),
 * with its target line: is the pilot getting closer?
 */
@org.springframework.stereotype.Component
class KpiTrendSection implements DashboardSection {

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create(PilotOverview overview) {
        List<KpiStatus> kpis = overview.kpis().stream().filter(k -> !k.history().isEmpty()).toList();
        if (kpis.isEmpty()) {
            return Optional.empty();
        }
        Div charts = Blocks.cardRow("kpi-trends");
        for (KpiStatus k : kpis) {
            List<String> steps = k.history().stream().map(p -> step(p, overview)).toList();
            LineChart line = LineChart.over("evaluation (run · method · dataset version)", steps)
                    .series(PilotWords.name(k.metric()), k.history().stream().map(KpiPoint::value).toList())
                    .series("95 % interval, low end", k.history().stream().map(KpiPoint::ciLow).toList())
                    .series("95 % interval, high end", k.history().stream().map(KpiPoint::ciHigh).toList())
                    .target("target " + PilotWords.target(k), k.target());
            EChart chart = new EChart(new TrendOption(line));
            chart.setId("kpi-trend-" + k.metric().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            chart.getElement().setAttribute("data-points", String.valueOf(k.history().size()));
            Div card = Blocks.card();
            card.getStyle().set("max-width", "none").set("flex", "1 1 28em");
            card.add(Blocks.small(PilotWords.name(k.metric()) + " (" + (k.metric().higherIsBetter() ? "higher" : "lower")
                    + " is better)"), chart);
            charts.add(card);
        }
        return Optional.of(Blocks.section("trend-section", "KPI trend", "Every evaluation the KPIs compare, oldest "
                + "first, with its 95 % interval and the target: the pilot is working when the line crosses the target "
                + "and stays there.", charts));
    }

    /** Two lines, so a label fits under its point: "run 12 · GroupDRO" over the dataset version. */
    private static String step(KpiPoint p, PilotOverview overview) {
        return "run " + p.evaluationRunId() + " · " + Labels.choice(p.method()) + "\n"
                + overview.versionLabel(p.datasetVersionId());
    }

    /** The line chart with its interval ends drawn as thin grey dashes (not two more coloured lines). */
    private record TrendOption(LineChart line) implements ChartOption {

        private static final String INTERVAL_GREY = "#8a99ab";

        @Override
        public ObjectNode toJson() {
            ObjectNode option = line.toJson();
            // Points sit in the middle of their slot, so the first and last labels are not cut at the edges.
            ObjectNode x = (ObjectNode) option.get("xAxis");
            x.put("boundaryGap", true);
            x.putObject("axisLabel").put("hideOverlap", true).put("lineHeight", 14);
            ((ObjectNode) option.get("grid")).put("bottom", 54);
            x.put("nameGap", 44);
            ArrayNode series = (ArrayNode) option.get("series");
            for (int i = 1; i < series.size() && i <= 2; i++) {
                ObjectNode s = (ObjectNode) series.get(i);
                s.put("showSymbol", false);
                s.putObject("lineStyle").put("width", 1).put("type", "dashed").put("color", INTERVAL_GREY);
                s.putObject("itemStyle").put("color", INTERVAL_GREY);
            }
            return option;
        }

        @Override
        public String suggestedHeight() {
            return "20em";
        }

        @Override
        public String suggestedMaxWidth() {
            return line.suggestedMaxWidth();
        }
    }
}
