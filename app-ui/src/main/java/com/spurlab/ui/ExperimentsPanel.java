package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.PilotPlans;
import com.spurlab.core.experiment.StepSpec;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepInfo;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;

/**
 * Plan an experiment from any of the installation's step types (each step's form comes from its parameter
 * record; TRAIN then EVALUATE to start with), then follow every job live, with cancel.
 */
class ExperimentsPanel extends VerticalLayout implements ProjectView.Refreshable {

    /** A row of the job list: the job with the name of its experiment. */
    record JobRow(String experiment, JobView job) {
    }

    /** A step of the plan being edited: its type and its form. */
    private record Planned(StepInfo step, StepForm form) {
    }

    private final long projectId;
    private final DatasetService datasets;
    private final ExperimentService experiments;
    private final StepCatalog catalog;
    private final PilotPlans pilots;
    private final ComboBox<DatasetVersionView> dataset = new ComboBox<>("Dataset version");
    private final VerticalLayout plan = new VerticalLayout();
    private final List<Planned> steps = new ArrayList<>();
    private final Grid<JobRow> jobs = new Grid<>();

    ExperimentsPanel(long projectId, DatasetService datasets, ExperimentService experiments, StepCatalog catalog,
                     PilotPlans pilots) {
        this.projectId = projectId;
        this.datasets = datasets;
        this.experiments = experiments;
        this.catalog = catalog;
        this.pilots = pilots;
        setPadding(false);
        dataset.setId("experiment-dataset");
        dataset.setItemLabelGenerator(DatasetVersionView::label);
        dataset.setWidth("18em");
        dataset.addValueChangeListener(e -> resetPlan());
        TextField name = new TextField("Name");
        name.setId("experiment-name");
        name.setPlaceholder("e.g. GroupDRO on the background cue");
        name.setWidth("18em");
        IntegerField priority = new IntegerField("Priority");
        priority.setId("experiment-priority");
        priority.setValue(0);
        priority.setMin(-100);
        priority.setMax(100);
        priority.setHelperText("higher runs first (-100 to 100)");
        HorizontalLayout head = new HorizontalLayout(dataset, name, priority);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);

        plan.setPadding(false);
        plan.setSpacing(false);
        plan.setId("experiment-plan");
        ComboBox<StepInfo> type = new ComboBox<>("Add a step", catalog.plannable());
        type.setId("experiment-add-type");
        type.setItemLabelGenerator(StepInfo::type);
        type.setHelperText("each step runs after the one before it");
        Button add = new Button("Add step", e -> {
            if (type.getValue() != null) {
                addStep(type.getValue());
            }
        });
        add.setId("experiment-add-step");
        Button run = new Button("Run experiment", e -> plan(name.getValue(), priority.getValue()));
        run.setId("run-baseline");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button pilot = new Button("Run the pilot", e -> pilot());
        pilot.setId("run-pilot");
        pilot.setTooltipText("Plans the whole pilot on the chosen version: baseline, extract, edit, synthesize, "
                + "retrain (ERM on the derived version, GroupDRO, DFR) and audit");
        HorizontalLayout actions = new HorizontalLayout(type, add, run, pilot);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);

        jobs.setId("jobs");
        jobs.addColumn(JobRow::experiment).setHeader("Experiment").setFlexGrow(2);
        jobs.addColumn(r -> (r.job().stepIndex() + 1) + ". " + r.job().type()).setHeader("Step").setAutoWidth(true);
        jobs.addColumn(r -> r.job().status().name()).setHeader("Status").setAutoWidth(true)
                .setClassNameGenerator(r -> "job-status");
        jobs.addComponentColumn(r -> {
            ProgressBar bar = new ProgressBar(0, 1, r.job().progress());
            bar.setWidth("8em");
            return bar;
        }).setHeader("Progress").setAutoWidth(true);
        jobs.addColumn(r -> r.job().message() == null ? "" : r.job().message()).setHeader("Message").setFlexGrow(4);
        jobs.addComponentColumn(r -> {
            Button cancel = new Button("Cancel", e -> {
                if (Notifications.attempt(() -> experiments.cancel(r.job().id())) != null) {
                    refresh();
                }
            });
            cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            cancel.setVisible(!r.job().status().finished());
            return cancel;
        }).setAutoWidth(true);
        jobs.setAllRowsVisible(true);
        add(head, plan, actions, jobs);
        refresh();
        resetPlan();
    }

    /** A fresh plan for the chosen version: TRAIN then EVALUATE, with the version's attributes offered. */
    private void resetPlan() {
        steps.clear();
        plan.removeAll();
        for (String type : List.of("TRAIN", "EVALUATE")) {
            if (catalog.plannableTypes().contains(type)) {
                addStep(catalog.info(type));
            }
        }
    }

    private void addStep(StepInfo step) {
        int index = steps.size();
        StepForm form = new StepForm(step, "step-" + index + "-", attributes());
        Span title = new Span((index + 1) + ". " + step.type() + " — " + step.description());
        Button remove = new Button("Remove", e -> removeStep(index));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout summary = new HorizontalLayout(title, remove);
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        Details details = new Details(summary, form);
        details.setId("step-" + index);
        details.setOpened(index == 0);
        details.setWidthFull();
        steps.add(new Planned(step, form));
        plan.add(details);
    }

    private void removeStep(int index) {
        List<Planned> kept = new ArrayList<>(steps);
        kept.remove(index);
        steps.clear();
        plan.removeAll();
        // Forms are rebuilt so their ids and the step numbers stay in order; their values are carried over.
        for (Planned p : kept) {
            var values = p.form().values();
            addStep(p.step());
            values.forEach(steps.get(steps.size() - 1).form()::set);
        }
    }

    private List<String> attributes() {
        DatasetVersionView chosen = dataset.getValue();
        return chosen == null || chosen.composition() == null ? List.of()
                : List.copyOf(chosen.composition().attributes().keySet());
    }

    private void plan(String name, Integer priority) {
        if (dataset.isEmpty()) {
            Notifications.error("Choose a READY dataset version first");
            return;
        }
        List<StepSpec> specs = steps.stream().map(p -> new StepSpec(p.step().type(), p.form().values())).toList();
        ExperimentView planned = Notifications.attempt(() -> experiments.plan(projectId, dataset.getValue().id(),
                name, priority == null ? 0 : priority, specs));
        if (planned != null) {
            Notifications.success("Queued: " + planned.name());
            refresh();
        }
    }

    private void pilot() {
        if (dataset.isEmpty()) {
            Notifications.error("Choose a READY dataset version first");
            return;
        }
        ExperimentView planned = Notifications.attempt(() -> pilots.plan(projectId, dataset.getValue().id(), null));
        if (planned != null) {
            Notifications.success("Queued: " + planned.name() + (planned.note() == null ? "" : ". " + planned.note()));
            refresh();
        }
    }

    @Override
    public void refresh() {
        List<DatasetVersionView> ready = datasets.readyVersions(projectId);
        DatasetVersionView chosen = dataset.getValue();
        if (!ready.equals(dataset.getListDataView().getItems().toList())) {
            dataset.setItems(ready);
            dataset.setValue(chosen != null && ready.contains(chosen) ? chosen : ready.isEmpty() ? null : ready.get(0));
        }
        jobs.setItems(experiments.list(projectId).stream()
                .flatMap(x -> x.jobs().stream().map(j -> new JobRow(x.name(), j))).toList());
    }
}
