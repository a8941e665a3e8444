package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.ExperimentView;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.StepSpec;
import com.spurlab.core.experiment.StepType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import java.util.Map;

/** Plan a training (method and network of the lead's choice), then evaluate; follow every job live, with cancel. */
class ExperimentsPanel extends VerticalLayout implements ProjectView.Refreshable {

    /** A row of the job list: the job with the name of its experiment. */
    record JobRow(String experiment, JobView job) {
    }

    private final long projectId;
    private final DatasetService datasets;
    private final ExperimentService experiments;
    private final ComboBox<DatasetVersionView> dataset = new ComboBox<>("Dataset version");
    private final Grid<JobRow> jobs = new Grid<>();

    ExperimentsPanel(long projectId, DatasetService datasets, ExperimentService experiments) {
        this.projectId = projectId;
        this.datasets = datasets;
        this.experiments = experiments;
        setPadding(false);
        dataset.setId("experiment-dataset");
        dataset.setItemLabelGenerator(DatasetVersionView::label);
        dataset.setWidth("18em");
        IntegerField epochs = new IntegerField("Epochs");
        epochs.setId("experiment-epochs");
        epochs.setValue(5);
        epochs.setMin(1);
        epochs.setMax(200);
        epochs.setStepButtonsVisible(true);
        IntegerField seed = new IntegerField("Seed");
        seed.setValue(42);
        ComboBox<String> method = new ComboBox<>("Method", ExperimentService.TRAIN_METHODS);
        method.setId("experiment-method");
        method.setValue("ERM");
        method.setAllowCustomValue(false);
        method.setTooltipText("ERM is the baseline; REWEIGHT, GROUP_DRO, JTT and DFR target the worst group");
        ComboBox<String> model = new ComboBox<>("Model", ExperimentService.TRAIN_MODELS);
        model.setId("experiment-model");
        model.setValue("CNN");
        model.setAllowCustomValue(false);
        Button run = new Button("Run experiment", e -> plan(method.getValue(), model.getValue(), epochs.getValue(),
                seed.getValue()));
        run.setId("run-baseline");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // Method and network on a row of their own, so the form keeps its width on a laptop screen.
        HorizontalLayout choice = new HorizontalLayout(method, model);
        HorizontalLayout form = new HorizontalLayout(dataset, epochs, seed, run);
        form.setAlignItems(Alignment.BASELINE);

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
        add(choice, form, jobs);
        refresh();
    }

    private void plan(String method, String model, Integer epochs, Integer seed) {
        if (dataset.isEmpty()) {
            Notifications.error("Choose a READY dataset version first");
            return;
        }
        // Null fields go to the service as they are, so its checks word the error the API gives too.
        ExperimentView planned = Notifications.attempt(() -> experiments.plan(projectId, dataset.getValue().id(),
                null, List.of(new StepSpec(StepType.TRAIN, Map.of("method", String.valueOf(method), "model",
                                String.valueOf(model), "epochs", String.valueOf(epochs), "seed", String.valueOf(seed))),
                        new StepSpec(StepType.EVALUATE, Map.of()))));
        if (planned != null) {
            Notifications.success("Queued: " + planned.name());
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
