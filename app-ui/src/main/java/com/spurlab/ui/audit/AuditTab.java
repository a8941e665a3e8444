package com.spurlab.ui.audit;

import com.spurlab.core.audit.AuditResults;
import com.spurlab.core.project.Capability;
import com.spurlab.ui.ProjectTab;
import com.vaadin.flow.component.Component;

/** The project's Audit tab, for those who read results (executives and leads). */
@org.springframework.stereotype.Component
class AuditTab implements ProjectTab {

    private final AuditResults audits;

    AuditTab(AuditResults audits) {
        this.audits = audits;
    }

    @Override
    public String title() {
        return "Audit";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Capability requires() {
        return Capability.READ_RESULTS;
    }

    @Override
    public Component create(long projectId) {
        return new AuditPanel(projectId, audits);
    }
}
