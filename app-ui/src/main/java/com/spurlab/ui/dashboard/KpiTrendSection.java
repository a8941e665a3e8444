package com.spurlab.ui.dashboard;

import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.report.PilotWords;
import com.spurlab.ui.Labels;
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
            EChart chart = new EChart(line);
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

    private static String step(KpiPoint p, PilotOverview overview) {
        return "run " + p.evaluationRunId() + " · " + Labels.choice(p.method()) + " · "
                + overview.versionLabel(p.datasetVersionId());
    }
}
