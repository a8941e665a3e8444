package com.spurlab.ui.audit;

import com.spurlab.core.audit.AuditResults;
import com.spurlab.ui.ProjectView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Picks an audit run (the newest by default) and optionally a second one to compare it with. */
class AuditPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final AuditResults audits;
    private final Select<AuditResults.AuditRun> shown = new Select<>();
    private final Select<AuditResults.AuditRun> compared = new Select<>();
    private final Div content = new Div();
    private Long newest = -1L;
    /** Set while the selects are refilled, so that their value changes do not each redraw the report. */
    private boolean refilling;

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
        compared.setEmptySelectionAllowed(true);
        compared.setEmptySelectionCaption("none");
        compared.setWidth("32em");
        shown.addValueChangeListener(e -> showUnlessRefilling());
        compared.addValueChangeListener(e -> showUnlessRefilling());
        content.setWidthFull();
        add(new HorizontalLayout(shown, compared), content);
        refresh();
    }

    @Override
    public void refresh() {
        Long latest = audits.newestRunId(projectId).orElse(null);
        if (Objects.equals(latest, newest)) {
            return;
        }
        newest = latest;
        List<AuditResults.AuditRun> runs = audits.list(projectId);
        Long keep = shown.getValue() == null ? null : shown.getValue().runId();
        Long keepCompared = compared.getValue() == null ? null : compared.getValue().runId();
        refilling = true;
        try {
            shown.setItems(runs);
            compared.setItems(runs);
            shown.setValue(find(runs, keep).orElse(runs.isEmpty() ? null : runs.get(0)));
            compared.setValue(find(runs, keepCompared).orElse(null));
        } finally {
            refilling = false;
        }
        show();
    }

    private static Optional<AuditResults.AuditRun> find(List<AuditResults.AuditRun> runs, Long runId) {
        return runs.stream().filter(r -> runId != null && r.runId() == runId).findFirst();
    }

    private void showUnlessRefilling() {
        if (!refilling) {
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
