package com.spurlab.ui.settings;

import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.project.Capability;
import com.spurlab.core.project.ProjectService;
import com.spurlab.ui.ProjectTab;
import com.vaadin.flow.component.Component;

/** The project's "Settings" tab: leads and administrators (who are no members) keep KPI targets and members. */
@org.springframework.stereotype.Component
class SettingsTab implements ProjectTab {

    private final KpiService kpis;
    private final ProjectService projects;

    SettingsTab(KpiService kpis, ProjectService projects) {
        this.kpis = kpis;
        this.projects = projects;
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public int order() {
        return 95;
    }

    @Override
    public Capability requires() {
        return Capability.SETTINGS;
    }

    @Override
    public Component create(long projectId) {
        return new SettingsPanel(projectId, kpis, projects);
    }
}
