package com.spurlab.ui.dashboard;

import com.spurlab.core.kpi.KpiMetric;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotOverview.Evaluation;
import com.spurlab.report.PilotWords;
import com.spurlab.ui.Labels;
import com.spurlab.ui.chart.BarChart;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.Estimate;
import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Per-group test accuracy of the baseline beside the mitigated model, with intervals and the worst-group target. */
@org.springframework.stereotype.Component
class GroupComparisonSection implements DashboardSection {

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create(PilotOverview overview) {
        List<Evaluation> shown = new ArrayList<>();
        if (overview.baseline() != null) {
            shown.add(overview.baseline());
        }
        if (overview.mitigated() != null) {
            shown.add(overview.mitigated());
        }
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        shown.forEach(e -> e.groups().forEach(g -> keys.add(g.group())));
        BarChart bars = BarChart.of(keys.stream().map(Labels::group).toList());
        for (Evaluation e : shown) {
            bars.series(seriesName(e, overview), keys.stream().map(k -> estimate(e, k)).toList());
        }
        Evaluation last = shown.get(shown.size() - 1);
        bars.highlight(Labels.group(last.test().worstGroup()), "worst group");
        overview.kpis().stream().filter(k -> k.metric() == KpiMetric.WORST_GROUP_ACCURACY).findFirst()
                .ifPresent(k -> bars.target("target " + PilotWords.target(k), k.target()));
        EChart chart = new EChart(bars);
        chart.setId("group-bars");
        chart.getElement().setAttribute("data-worst-group", last.test().worstGroup());
        chart.getElement().setAttribute("data-series", String.valueOf(shown.size()));
        String how = overview.mitigated() == null
                ? "Only the baseline has been evaluated so far. Each bar is a group's accuracy on the test split with "
                        + "its 95 % interval; the worst group is marked."
                : "Baseline: " + describe(overview.baseline(), overview) + ". Mitigated: "
                        + describe(overview.mitigated(), overview) + " — " + overview.mitigatedIs() + ". Each bar is a "
                        + "group's test accuracy with its 95 % interval; the dashed line is the worst-group target. "
                        + "Mitigation worked when the shortest bar of the mitigated model clears the line.";
        return Optional.of(Blocks.section("group-section", "Baseline vs mitigated, per group", how, chart));
    }

    private static String seriesName(Evaluation e, PilotOverview overview) {
        String role = e == overview.baseline() ? "Baseline" : "Mitigated";
        return role + " · " + Labels.choice(e.run().method());
    }

    private static String describe(Evaluation e, PilotOverview overview) {
        return e == null ? "none yet" : Labels.choice(e.run().method()) + " (experiment " + e.run().experimentId()
                + ", " + overview.versionLabel(e.run().datasetVersionId()) + ")";
    }

    private static Estimate estimate(Evaluation e, String key) {
        Optional<GroupEstimate> g = e.groups().stream().filter(x -> x.group().equals(key)).findFirst();
        if (g.isEmpty()) {
            return Estimate.of(null);
        }
        Estimate out = Estimate.of(g.get().accuracy(), g.get().low(), g.get().high(), g.get().n());
        return g.get().tooSmall() ? out.withNote("fewer than 20 images: too small to trust") : out;
    }
}
