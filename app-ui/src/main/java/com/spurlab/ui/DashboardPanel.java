package com.spurlab.ui;

import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.run.RunMetrics;
import com.spurlab.core.run.RunService;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.ui.chart.BarChart;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.Estimate;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** KPI cards against targets, and the latest evaluation's per-group accuracy on the test split. */
class DashboardPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final RunService runs;
    private final KpiService kpis;
    private Long shownRun = -1L;

    DashboardPanel(long projectId, RunService runs, KpiService kpis) {
        this.projectId = projectId;
        this.runs = runs;
        this.kpis = kpis;
        setPadding(false);
        setId("dashboard");
        refresh();
    }

    @Override
    public void refresh() {
        Optional<RunMetrics> latest = runs.latestEvaluation(projectId);
        Long runId = latest.map(RunMetrics::runId).orElse(null);
        if (java.util.Objects.equals(runId, shownRun)) {
            return;
        }
        shownRun = runId;
        removeAll();
        add(kpiCards(kpis.kpis(projectId)));
        if (latest.isEmpty() || latest.get().split("test").isEmpty()) {
            add(new Paragraph("No evaluation yet. A lead runs a baseline under Experiments."));
            return;
        }
        RunMetrics metrics = latest.get();
        SplitEvaluation test = metrics.split("test").orElseThrow();
        add(new H3(String.format(Locale.ROOT, "Latest evaluation (run %d, %s) — test split, %d images",
                metrics.runId(), metrics.method(), test.n())));
        FlexLayout headline = new FlexLayout(
                figure("Worst-group accuracy", percent(test.worstGroupAccuracy()), "wga-value",
                        String.format(Locale.ROOT, "95 %% CI %s – %s · group %s", percent(test.worstGroupCiLow()),
                                percent(test.worstGroupCiHigh()), test.worstGroup())),
                figure("Accuracy", percent(test.accuracy()), "accuracy-value", "all test images"),
                figure("Average-group accuracy", percent(test.averageGroupAccuracy()), "avg-group-value",
                        "unweighted mean over groups"),
                figure("Gap", percent(test.gap()), "gap-value", "accuracy − worst-group accuracy"));
        headline.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        headline.getStyle().set("gap", "1em");
        Div wga = (Div) headline.getComponentAt(0);
        wga.getElement().setAttribute("data-run-id", String.valueOf(metrics.runId()));
        add(headline, new H3("Accuracy per group (" + (test.groupBy().isEmpty() ? "label" : "label × "
                + test.groupBy()) + ")"), groupBars(test));
    }

    /** A bar per group with its count, the worst group in red (its bootstrap interval shown as a whisker). */
    private static EChart groupBars(SplitEvaluation test) {
        List<String> names = test.groups().stream().map(g -> Labels.group(g.group())).toList();
        List<Estimate> values = test.groups().stream().map(g -> {
            boolean worst = g.group().equals(test.worstGroup());
            Estimate e = worst ? Estimate.of(g.accuracy(), test.worstGroupCiLow(), test.worstGroupCiHigh(), g.n())
                    : Estimate.of(g.accuracy(), null, null, g.n());
            return g.tooSmall() ? e.withNote("fewer than 20 images: too small to trust") : e;
        }).toList();
        EChart chart = new EChart(BarChart.of(names).series("accuracy", values)
                .highlight(Labels.group(test.worstGroup()), "worst group"));
        chart.setId("group-bars");
        chart.getElement().setAttribute("data-worst-group", test.worstGroup());
        return chart;
    }

    private static FlexLayout kpiCards(List<KpiStatus> statuses) {
        FlexLayout cards = new FlexLayout();
        cards.setId("kpis");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "1em");
        for (KpiStatus k : statuses) {
            String title = k.metric().name().replace('_', ' ').toLowerCase(Locale.ROOT);
            KpiPoint shown = "best".equals(k.statusOf()) ? k.bestPoint() : k.latestPoint();
            String sub = String.format(Locale.ROOT, "target %s %s · baseline %s · best (by val) %s · latest %s%s",
                    Labels.comparator(k.comparator()), percent(k.target()), withInterval(k.baselinePoint()), withInterval(k.bestPoint()),
                    withInterval(k.latestPoint()), shown != null && shown.tooSmall()
                            ? " · worst group only " + shown.worstGroupN() + " images" : "");
            Div card = figure("KPI: " + title + (k.statusOf() == null ? "" : " (" + k.statusOf() + ")"),
                    percent(shown == null ? null : shown.value()), null, sub);
            Span status = new Span(shown == null ? "no evaluation" : switch (k.status()) {
                case MET -> "met";
                case NOT_MET -> "not met";
                case UNCERTAIN -> "uncertain";
            });
            status.addClassName("kpi-status");
            status.getElement().getThemeList().add(switch (k.status()) {
                case MET -> "badge success";
                case NOT_MET -> "badge error";
                case UNCERTAIN -> "badge contrast";
            });
            card.add(status);
            cards.add(card);
        }
        return cards;
    }

    private static String withInterval(KpiPoint p) {
        return p == null ? "—" : String.format(Locale.ROOT, "%s [%s – %s]", percent(p.value()), percent(p.ciLow()),
                percent(p.ciHigh()));
    }

    private static Div figure(String title, String value, String id, String sub) {
        Span label = new Span(title);
        label.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Span number = new Span(value);
        if (id != null) {
            number.setId(id);
        }
        number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Span small = new Span(sub);
        small.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Div card = new Div(label, number, small);
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("padding", "0.8em 1.2em")
                .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "8px")
                .set("min-width", "14em");
        return card;
    }

    static String percent(Double value) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f %%", 100 * value);
    }
}
