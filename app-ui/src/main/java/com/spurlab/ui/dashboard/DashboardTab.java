package com.spurlab.ui.dashboard;

import com.spurlab.core.project.Capability;
import com.spurlab.core.results.PilotDashboard;
import com.spurlab.report.ReportDownloads;
import com.spurlab.ui.ProjectTab;
import com.vaadin.flow.component.Component;
import java.util.Comparator;
import java.util.List;

/** The project's Dashboard tab, for those who read results (executives and leads). */
@org.springframework.stereotype.Component
class DashboardTab implements ProjectTab {

    private final PilotDashboard dashboard;
    private final List<DashboardSection> sections;
    private final DashboardUpdates updates;
    private final ReportDownloads reports;

    DashboardTab(PilotDashboard dashboard, List<DashboardSection> sections, DashboardUpdates updates,
                 ReportDownloads reports) {
        this.dashboard = dashboard;
        this.sections = sections.stream().sorted(Comparator.comparingInt(DashboardSection::order)).toList();
        this.updates = updates;
        this.reports = reports;
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Capability requires() {
        return Capability.READ_RESULTS;
    }

    @Override
    public Component create(long projectId) {
        return new DashboardPanel(projectId, dashboard, sections, updates, reports);
    }
}
