package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.JobView;
import com.spurlab.core.experiment.PilotPlans;
import com.spurlab.core.step.StepCatalog;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;

/**
 * Plan an experiment from any of the installation's step types (each step's form comes from its parameter
 * record; TRAIN then EVALUATE to start with), then follow every job live, with cancel.
 */
class ExperimentsPanel extends VerticalLayout implements ProjectView.Refreshable {

    /** A row of the job list: the job with the name of its experiment. */
    record JobRow(String experiment, JobView job) {
    }

    private final long projectId;
    private final ExperimentService experiments;
    private final ExperimentForm form;
    private final Grid<JobRow> jobs = new Grid<>();

    ExperimentsPanel(long projectId, DatasetService datasets, ExperimentService experiments, StepCatalog catalog,
                     PilotPlans pilots) {
        this.projectId = projectId;
        this.experiments = experiments;
        setPadding(false);
        form = new ExperimentForm(projectId, datasets, experiments, catalog, planned -> refresh());
        form.offerPilot(pilots);
        jobs.setId("jobs");
        jobs.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        jobs.addColumn(JobRow::experiment).setHeader("Experiment").setFlexGrow(2);
        jobs.addColumn(r -> (r.job().stepIndex() + 1) + ". " + r.job().type()).setHeader("Step").setAutoWidth(true);
        jobs.addColumn(r -> r.job().status().name()).setHeader("Status").setAutoWidth(true)
                .setClassNameGenerator(r -> "job-status");
        jobs.addComponentColumn(r -> {
            ProgressBar bar = new ProgressBar(0, 1, r.job().progress());
            bar.setWidth("6em");
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
        }).setAutoWidth(true).setFlexGrow(0);
        jobs.setAllRowsVisible(true);
        add(form, jobs);
        refresh();
    }

    @Override
    public void refresh() {
        form.refreshVersions();
        jobs.setItems(experiments.list(projectId).stream()
                .flatMap(x -> x.jobs().stream().map(j -> new JobRow(x.name(), j))).toList());
    }
}
