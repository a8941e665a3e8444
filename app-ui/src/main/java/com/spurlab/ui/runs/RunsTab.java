package com.spurlab.ui.runs;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.results.RunReports;
import com.spurlab.core.results.RunTable;
import com.spurlab.core.step.StepCatalog;
import com.spurlab.ui.ExperimentForm;
import com.spurlab.ui.ProjectTab;

/** The project's "Runs" tab, for leads and executives; leads may also clone a run's plan. */
@org.springframework.stereotype.Component
class RunsTab implements ProjectTab {

    private final RunTable table;
    private final RunReports reports;
    private final DatasetService datasets;
    private final ExperimentService experiments;
    private final StepCatalog catalog;
    private final ProjectAccess access;

    RunsTab(RunTable table, RunReports reports, DatasetService datasets, ExperimentService experiments,
            StepCatalog catalog, ProjectAccess access) {
        this.table = table;
        this.reports = reports;
        this.datasets = datasets;
        this.experiments = experiments;
        this.catalog = catalog;
        this.access = access;
    }

    @Override
    public String title() {
        return "Runs";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public Capability requires() {
        return Capability.READ_RESULTS;
    }

    @Override
    public com.vaadin.flow.component.Component create(long projectId) {
        boolean plans = access.allows(projectId, Capability.MANAGE);
        return new RunsPanel(projectId, table, reports, plans
                ? () -> new ExperimentForm(projectId, datasets, experiments, catalog, planned -> { })
                : null);
    }
}
