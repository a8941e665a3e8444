package com.spurlab.ui.runs;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.results.EvaluatedRun;
import com.spurlab.core.results.GroupEstimate;
import com.spurlab.core.results.RunReport;
import com.spurlab.core.results.RunReports;
import com.spurlab.core.run.SplitEvaluation;
import com.spurlab.ui.Labels;
import com.spurlab.ui.MainLayout;
import com.spurlab.ui.Notifications;
import com.spurlab.ui.ProjectView;
import com.spurlab.ui.chart.EChart;
import com.spurlab.ui.chart.HeatmapChart;
import com.spurlab.ui.chart.LineChart;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One evaluated run: its headline figures, per-epoch learning curves, and per split the group bars, confusion
 * matrix, calibration (reliability per confidence bin) and the misclassified images; then the jobs' logs and
 * the artifacts it left, by id. Readers of the project's results only (the services check).
 */
@Route(value = "runs/:runId", layout = MainLayout.class)
@PageTitle("Run · SpurLab")
@PermitAll
public class RunView extends VerticalLayout implements BeforeEnterObserver {

    private final RunReports reports;
    private final ExperimentService experiments;
    private final DatasetSamples samples;
    private final Div split = new Div();

    public RunView(RunReports reports, ExperimentService experiments, DatasetSamples samples) {
        this.reports = reports;
        this.experiments = experiments;
        this.samples = samples;
        addClassNames(LumoUtility.MaxWidth.SCREEN_XLARGE);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        long runId;
        try {
            runId = Long.parseLong(event.getRouteParameters().get("runId").orElse(""));
        } catch (NumberFormatException e) {
            add(new Paragraph("There is no run at this address."));
            return;
        }
        RunReport report = Notifications.attempt(() -> reports.report(runId));
        if (report == null) {
            add(new H2("Run #" + runId), new Paragraph("This run does not exist, or its results are not yours to "
                    + "read (results are for the project's leads and executives)."));
            return;
        }
        show(report);
    }

    private void show(RunReport report) {
        EvaluatedRun run = report.run();
        H2 title = new H2("Run #" + run.evaluationRunId() + " · " + Labels.choice(run.method()) + " · "
                + Labels.choice(run.model()));
        title.setId("run-title");
        Paragraph sub = new Paragraph(run.experiment() + " · " + run.dataset() + " · groups: "
                + (run.groupBy().isEmpty() ? "label" : "label × " + String.join(", ", run.groupBy()))
                + (run.epochs() == null ? "" : " · " + run.epochs() + " epochs, kept epoch " + run.selectedEpoch()));
        sub.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);
        RouterLink back = new RouterLink("← project", ProjectView.class,
                new RouteParameters("projectId", String.valueOf(report.projectId())));
        add(back, title, sub, figures(report));

        add(new H3("Learning curves"));
        if (report.history().isEmpty()) {
            add(new Paragraph("No per-epoch figures: the training ran before SpurLab recorded them, or was resumed "
                    + "after its process stopped."));
        } else {
            EChart curves = new EChart(ResultCharts.curves(report.history()));
            curves.setId("run-curves");
            add(curves);
            if (report.history().stream().noneMatch(p -> p.validationAccuracy() != null)) {
                add(note("Val figures per epoch appear when the epoch is chosen on val (selection WORST_GROUP or "
                        + "ACCURACY) and the version has a val split."));
            }
        }

        List<String> splits = report.splits().stream().map(SplitEvaluation::split).toList();
        Tabs tabs = new Tabs();
        tabs.setId("run-splits");
        Map<Tab, String> bySplit = new LinkedHashMap<>();
        for (String name : List.of("test", "val", "train")) {
            if (splits.contains(name)) {
                Tab tab = new Tab(name + " split");
                tab.setId("split-" + name);
                bySplit.put(tab, name);
                tabs.add(tab);
            }
        }
        tabs.addSelectedChangeListener(e -> showSplit(report, bySplit.get(e.getSelectedTab())));
        add(new H3("Per split"), tabs, split);
        split.setWidthFull();
        if (!bySplit.isEmpty()) {
            showSplit(report, bySplit.values().iterator().next());
        }
        add(new H3("Jobs and artifacts"), new JobRecord(report, experiments));
    }

    private Component figures(RunReport report) {
        EvaluatedRun run = report.run();
        FlexLayout cards = new FlexLayout();
        cards.setId("run-figures");
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassNames(LumoUtility.Gap.MEDIUM);
        if (run.test() != null) {
            cards.add(card("Test worst-group accuracy", Labels.percent(run.test().worstGroupAccuracy()),
                    "95 % CI " + Labels.percent(run.test().worstGroupCiLow()) + " – "
                            + Labels.percent(run.test().worstGroupCiHigh()) + " · " + Labels.group(run.test().worstGroup())),
                    card("Test accuracy", Labels.percent(run.test().accuracy()), run.test().n() + " images"),
                    card("Gap", Labels.percent(run.test().gap()), "accuracy − worst-group accuracy: lower is better"));
        }
        cards.add(card("Val worst-group accuracy", Labels.percent(run.valWorstGroupAccuracy()),
                "what the kept epoch was chosen on"));
        report.details().stream().filter(d -> d.split().equals("test")).findFirst().ifPresent(d -> cards.add(
                card("Calibration error (ECE, test)", Labels.percent(d.expectedCalibrationError()),
                        "gap between confidence and accuracy: lower is better")));
        return cards;
    }

    static Div card(String title, String value, String sub) {
        Span label = new Span(title);
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Span number = new Span(value);
        number.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span small = new Span(sub);
        small.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.TextColor.SECONDARY);
        Div card = new Div(label, number, small);
        card.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.Padding.MEDIUM,
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM);
        card.setMinWidth("12em");
        card.getStyle().set("flex", "1 1 12em");
        return card;
    }

    private void showSplit(RunReport report, String name) {
        split.removeAll();
        SplitEvaluation evaluation = report.splits().stream().filter(s -> s.split().equals(name)).findFirst()
                .orElseThrow();
        List<GroupEstimate> groups = evaluation.groups().stream().map(GroupEstimate::of).toList();
        split.add(new H3("Accuracy per group (95 % Wilson intervals)"));
        EChart bars = new EChart(ResultCharts.groupBars(groups.stream().map(GroupEstimate::group).toList(),
                Map.of(name + " accuracy", groups)));
        bars.setId("run-groups");
        split.add(bars);
        report.details().stream().filter(d -> d.split().equals(name)).findFirst().ifPresent(d -> {
            split.add(new H3("Confusion matrix"));
            EChart confusion = new EChart(HeatmapChart.confusionMatrix(d.classes().stream().map(Labels::group)
                    .toList(), d.confusion()));
            confusion.setId("run-confusion");
            split.add(confusion, new H3("Calibration"));
            if (d.reliability().isEmpty()) {
                split.add(note("ECE " + Labels.percent(d.expectedCalibrationError()) + "; the per-bin figures were not "
                        + "recorded for this evaluation (it ran before SpurLab kept them)."));
            } else {
                EChart calibration = new EChart(LineChart.numeric("confidence")
                        .points("accuracy in the bin", d.reliability().stream().map(RunReport.ReliabilityBin::confidence)
                                .toList(), d.reliability().stream().map(RunReport.ReliabilityBin::accuracy).toList())
                        .diagonal("perfect calibration"));
                calibration.setId("run-calibration");
                split.add(calibration, note("ECE " + Labels.percent(d.expectedCalibrationError()) + ": each point is a "
                        + "confidence bin; below the diagonal the model is over-confident."));
            }
            split.add(new H3("Misclassified images (" + d.errorCount() + ")"),
                    new ErrorGallery(reports, samples, report.run(), name, d.classes()));
        });
    }

    static Paragraph note(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return p;
    }
}
