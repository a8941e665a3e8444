package com.spurlab.ui.audit;

import com.spurlab.core.audit.AuditResults;
import com.spurlab.ui.ProjectView;
import com.spurlab.ui.RunPicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Picks an audit run (the newest by default) and optionally a second one to compare it with. */
class AuditPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final AuditResults audits;
    private final RunPicker<AuditResults.AuditRun> shown = new RunPicker<>(AuditResults.AuditRun::runId);
    private final RunPicker<AuditResults.AuditRun> compared = new RunPicker<>(AuditResults.AuditRun::runId)
            .optional("none");
    private final Div content = new Div();

    AuditPanel(long projectId, AuditResults audits) {
        this.projectId = projectId;
        this.audits = audits;
        setPadding(false);
        setId("audit");
        shown.setId("audit-run");
        shown.setLabel("Audit run");
        shown.setItemLabelGenerator(AuditComparison::label);
        shown.setWidth("32em");
        compared.setId("audit-compare");
        compared.setLabel("Compare with");
        compared.setItemLabelGenerator(run -> run == null ? "none" : AuditComparison.label(run));
        compared.setWidth("32em");
        shown.onPicked(this::show);
        compared.onPicked(this::show);
        content.setWidthFull();
        add(new HorizontalLayout(shown, compared), content);
        refresh();
    }

    @Override
    public void refresh() {
        if (shown.refresh(audits.newestRunId(projectId), () -> audits.list(projectId))) {
            compared.refill(shown.runs());
            show();
        }
    }

    private void show() {
        content.removeAll();
        AuditResults.AuditRun run = shown.getValue();
        if (run == null) {
            content.add(new Paragraph("No audit yet. A lead plans an AUDIT step (after TRAIN) under Experiments."));
            return;
        }
        AuditResults.AuditRun other = compared.getValue();
        if (other != null && other.runId() != run.runId()) {
            content.add(new AuditComparison(run, other), new Hr(), new H3("Run " + run.runId() + " in detail"));
        }
        content.add(new AuditReportView(run));
    }
}
