package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.PilotPlans;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.StepSpec;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.core.step.StepInfo;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The plan of a new experiment: a READY dataset version, a name, a priority and its steps, each step's form
 * built from its parameter record (TRAIN then EVALUATE to start with). {@link #prefill} loads an earlier
 * run's plan to change and run again (clone and edit).
 */
public class ExperimentForm extends VerticalLayout {

    /** A step of the plan being edited: its type and its form. */
    private record Planned(StepInfo step, StepForm form) {
    }

    private final long projectId;
    private final DatasetService datasets;
    private final ExperimentService experiments;
    private final StepCatalog catalog;
    private Consumer<ExperimentView> onPlanned;
    private final ComboBox<DatasetVersionView> dataset = new ComboBox<>("Dataset version");
    private final TextField name = new TextField("Name");
    private final IntegerField priority = new IntegerField("Priority");
    private final VerticalLayout plan = new VerticalLayout();
    private final List<Planned> steps = new ArrayList<>();
    private boolean prefilling;
    private final HorizontalLayout actions = new HorizontalLayout();

    public ExperimentForm(long projectId, DatasetService datasets, ExperimentService experiments, StepCatalog catalog,
                          Consumer<ExperimentView> onPlanned) {
        this.projectId = projectId;
        this.datasets = datasets;
        this.experiments = experiments;
        this.catalog = catalog;
        this.onPlanned = onPlanned;
        setPadding(false);
        dataset.setId("experiment-dataset");
        dataset.setItemLabelGenerator(DatasetVersionView::label);
        dataset.setWidth("18em");
        dataset.addValueChangeListener(e -> {
            if (!prefilling) {
                resetPlan();
            }
        });
        name.setId("experiment-name");
        name.setPlaceholder("e.g. GroupDRO on the background cue");
        name.setWidth("18em");
        priority.setId("experiment-priority");
        priority.setValue(0);
        priority.setMin(-100);
        priority.setMax(100);
        priority.setStepButtonsVisible(true);
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
        Button run = new Button("Run experiment", e -> plan());
        run.setId("run-baseline");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        actions.add(type, add, run);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        add(head, plan, actions);
        refreshVersions();
        resetPlan();
    }

    /** What happens once an experiment was planned from this form (its jobs are queued by then). */
    public void setOnPlanned(Consumer<ExperimentView> onPlanned) {
        this.onPlanned = onPlanned;
    }

    /** Re-reads the READY versions, keeping the chosen one while it is still there. */
    public void refreshVersions() {
        List<DatasetVersionView> ready = datasets.readyVersions(projectId);
        DatasetVersionView chosen = dataset.getValue();
        if (!ready.equals(dataset.getListDataView().getItems().toList())) {
            dataset.setItems(ready);
            dataset.setValue(chosen != null && ready.contains(chosen) ? chosen : ready.isEmpty() ? null : ready.get(0));
        }
    }

    /**
     * Loads a plan to edit: the version (when still READY), a name, and steps with their parameter values
     * (those a form does not have are left out).
     */
    public void prefill(long datasetVersionId, String experimentName, List<StepSpec> specs) {
        prefilling = true;
        try {
            dataset.getListDataView().getItems().filter(v -> v.id() == datasetVersionId).findFirst()
                    .ifPresent(dataset::setValue);
        } finally {
            prefilling = false;
        }
        name.setValue(experimentName == null ? "" : experimentName);
        steps.clear();
        plan.removeAll();
        for (StepSpec spec : specs) {
            if (catalog.plannableTypes().contains(spec.type())) {
                addStep(catalog.info(spec.type()));
                StepForm form = steps.get(steps.size() - 1).form();
                spec.params().forEach((key, value) -> set(form, key, value));
            }
        }
    }

    /** The plan's own wiring (dependsOn, the model another run made) is left to the new plan. */
    private static void set(StepForm form, String key, Object value) {
        if (value != null && !key.equals("dependsOn") && !key.equals("modelRunId")) {
            form.set(key, value);
        }
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
        // A step's description is a sentence or two: it wraps inside the form instead of widening it.
        title.getStyle().set("white-space", "normal").set("min-width", "0");
        HorizontalLayout summary = new HorizontalLayout(title, remove);
        summary.setAlignItems(FlexComponent.Alignment.CENTER);
        summary.setWidthFull();
        summary.setFlexGrow(1, title);
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
            Map<String, Object> values = p.form().values();
            addStep(p.step());
            values.forEach(steps.get(steps.size() - 1).form()::set);
        }
    }

    private List<String> attributes() {
        DatasetVersionView chosen = dataset.getValue();
        return chosen == null || chosen.composition() == null ? List.of()
                : List.copyOf(chosen.composition().attributes().keySet());
    }

    private void plan() {
        if (dataset.isEmpty()) {
            Notifications.error("Choose a READY dataset version first");
            return;
        }
        List<StepSpec> specs = steps.stream().map(p -> new StepSpec(p.step().type(), p.form().values())).toList();
        ExperimentView planned = Notifications.attempt(() -> experiments.plan(projectId, dataset.getValue().id(),
                name.getValue(), Objects.requireNonNullElse(priority.getValue(), 0), specs));
        if (planned != null) {
            Notifications.success("Queued: " + planned.name());
            onPlanned.accept(planned);
        }
    }

    /** Adds "Run the pilot": the whole pilot planned on the chosen version in one click (the Experiments tab). */
    void offerPilot(PilotPlans pilots) {
        Button pilot = new Button("Run the pilot", e -> {
            if (dataset.isEmpty()) {
                Notifications.error("Choose a READY dataset version first");
                return;
            }
            ExperimentView planned = Notifications.attempt(() -> pilots.plan(projectId, dataset.getValue().id(), null));
            if (planned != null) {
                Notifications.success("Queued: " + planned.name() + (planned.note() == null ? "" : ". " + planned.note()));
                onPlanned.accept(planned);
            }
        });
        pilot.setId("run-pilot");
        pilot.setTooltipText("Plans the whole pilot on the chosen version: baseline, extract, edit, synthesize, "
                + "retrain (ERM on the derived version, GroupDRO, DFR) and audit");
        actions.add(pilot);
    }
}
