package com.spurlab.ui.settings;

import com.spurlab.core.kpi.KpiMetric;
import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.kpi.KpiTargetView;
import com.spurlab.core.project.Member;
import com.spurlab.core.project.ProjectService;
import com.spurlab.ui.Labels;
import com.spurlab.ui.Notifications;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Locale;

/**
 * KPI targets (what the dashboard judges each evaluation against) and the members who see the project,
 * with their roles. The services decide who may change them; this panel only shows what they allow.
 */
class SettingsPanel extends VerticalLayout {

    private final long projectId;
    private final KpiService kpis;
    private final ProjectService projects;
    private final Grid<KpiTargetView> targets = new Grid<>();
    private final Grid<Member> members = new Grid<>();

    SettingsPanel(long projectId, KpiService kpis, ProjectService projects) {
        this.projectId = projectId;
        this.kpis = kpis;
        this.projects = projects;
        setPadding(false);
        add(new H3("KPI targets"), explain("Each finished evaluation of the test split is judged against these "
                + "targets on the dashboard. Accuracy figures are percentages."), targetForm(), targetGrid(),
                new H3("Members"), explain("Only members see a project: leads run it, executives read its results, "
                        + "vendors upload data to it."), memberForm(), memberGrid());
        refresh();
    }

    private HorizontalLayout targetForm() {
        ComboBox<KpiMetric> metric = new ComboBox<>("Metric", KpiMetric.values());
        metric.setId("kpi-metric");
        metric.setItemLabelGenerator(SettingsPanel::metric);
        metric.setWidth("16em");
        NumberField threshold = new NumberField("Target");
        threshold.setId("kpi-threshold");
        threshold.setSuffixComponent(new Span("%"));
        threshold.setMin(0);
        threshold.setMax(100);
        threshold.setStep(0.5);
        threshold.setWidth("9em");
        metric.addValueChangeListener(e -> threshold.setHelperText(e.getValue() == null ? ""
                : (e.getValue().higherIsBetter() ? "at least" : "at most") + " this"));
        Button save = new Button("Set target", e -> {
            if (metric.isEmpty() || threshold.isEmpty()) {
                Notifications.error("Choose a metric and a target between 0 and 100 %");
                return;
            }
            if (Notifications.attempt(() -> {
                kpis.setTarget(projectId, metric.getValue(), threshold.getValue() / 100);
                return true;
            }) != null) {
                Notifications.success(metric(metric.getValue()) + " target set");
                refresh();
            }
        });
        save.setId("kpi-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(metric, threshold, save);
        form.setWrap(true);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private Grid<KpiTargetView> targetGrid() {
        targets.setId("kpi-targets");
        targets.addThemeVariants(GridVariant.LUMO_COMPACT);
        targets.addColumn(t -> metric(t.metric())).setHeader("Metric").setAutoWidth(true);
        targets.addColumn(t -> Labels.comparator(t.comparator()) + " " + Labels.percent(t.threshold()))
                .setHeader("Target").setAutoWidth(true);
        targets.setAllRowsVisible(true);
        targets.setMaxWidth("36em");
        return targets;
    }

    private HorizontalLayout memberForm() {
        TextField username = new TextField("Add a member (user name)");
        username.setId("member-username");
        Button add = new Button("Add", e -> {
            String name = username.getValue().strip();
            if (Notifications.attempt(() -> {
                projects.addMember(projectId, name);
                return true;
            }) != null) {
                Notifications.success(name + " is now a member");
                username.clear();
                refresh();
            }
        });
        add.setId("member-add");
        HorizontalLayout form = new HorizontalLayout(username, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private Grid<Member> memberGrid() {
        members.setId("members");
        members.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        members.addColumn(m -> m.displayName().equals(m.username()) ? m.username()
                : m.displayName() + " (" + m.username() + ")").setHeader("Member").setFlexGrow(2);
        members.addColumn(m -> m.role().name().toLowerCase(Locale.ROOT)).setHeader("Role").setFlexGrow(1);
        members.addComponentColumn(m -> {
            Button remove = new Button("Remove", e -> {
                if (Notifications.attempt(() -> {
                    projects.removeMember(projectId, m.username());
                    return true;
                }) != null) {
                    Notifications.success(m.username() + " no longer sees this project");
                    refresh();
                }
            });
            remove.addClassName("member-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return remove;
        }).setAutoWidth(true).setFlexGrow(0);
        members.setAllRowsVisible(true);
        members.setMaxWidth("48em");
        return members;
    }

    private void refresh() {
        var t = Notifications.attempt(() -> kpis.targets(projectId));
        if (t != null) {
            targets.setItems(t);
        }
        var m = Notifications.attempt(() -> projects.members(projectId));
        if (m != null) {
            members.setItems(m);
        }
    }

    private static Paragraph explain(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Top.NONE);
        return p;
    }

    /** WORST_GROUP_ACCURACY → "Worst-group accuracy". */
    static String metric(KpiMetric metric) {
        String words = metric.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("worst group", "worst-group");
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
