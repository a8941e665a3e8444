package com.spurlab.ui;

import com.spurlab.core.dataset.DatasetDeletion;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.Project;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.run.RunService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * One project: the tabs the caller's role allows (dashboard for leads and executives, datasets for
 * leads and vendors, experiments and their queue for leads). Refreshes itself every second while open.
 */
@Route(value = "projects/:projectId", layout = MainLayout.class)
@PageTitle("Project · SpurLab")
@PermitAll
public class ProjectView extends VerticalLayout implements BeforeEnterObserver {

    private final ProjectService projects;
    private final ProjectAccess access;
    private final DatasetService datasets;
    private final ExperimentService experiments;
    private final RunService runs;
    private final KpiService kpis;
    private final DatasetSamples samples;
    private final DatasetDeletion deletion;
    private final Clock clock;
    private final List<Refreshable> panels = new ArrayList<>();
    private Registration poll;

    /** A panel that re-reads its data on each poll. */
    interface Refreshable {
        void refresh();
    }

    public ProjectView(ProjectService projects, ProjectAccess access, DatasetService datasets,
                       ExperimentService experiments, RunService runs, KpiService kpis, DatasetSamples samples,
                       DatasetDeletion deletion, Clock clock) {
        this.projects = projects;
        this.access = access;
        this.datasets = datasets;
        this.experiments = experiments;
        this.runs = runs;
        this.kpis = kpis;
        this.samples = samples;
        this.deletion = deletion;
        this.clock = clock;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        panels.clear();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("projectId").orElse(""));
        } catch (NumberFormatException e) {
            add(new Paragraph("No such project."));
            return;
        }
        Project project = Notifications.attempt(() -> projects.get(id));
        if (project == null) {
            add(new Paragraph("You have no access to this project."));
            return;
        }
        add(new H2(project.getName()));
        if (project.getDescription() != null) {
            add(new Paragraph(project.getDescription()));
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        if (access.allows(id, Capability.READ_RESULTS)) {
            add(tabs, "Dashboard", new DashboardPanel(id, runs, kpis));
        }
        if (access.allows(id, Capability.UPLOAD)) {
            add(tabs, "Datasets", new DatasetsPanel(id, datasets, samples, deletion,
                    access.allows(id, Capability.MANAGE)));
        }
        if (access.allows(id, Capability.MANAGE)) {
            add(tabs, "Experiments", new ExperimentsPanel(id, datasets, experiments));
            add(tabs, "Queue", new QueuePanel(() -> experiments.queue(id), experiments, clock, false));
        }
        add(tabs);
    }

    private <T extends com.vaadin.flow.component.Component & Refreshable> void add(TabSheet tabs, String title,
                                                                                  T panel) {
        tabs.add(title, panel).setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        panels.add(panel);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        poll = event.getUI().addPollListener(e -> panels.forEach(Refreshable::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}
