package com.spurlab.ui.edits;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.edit.EditResults;
import com.spurlab.ui.ProjectView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;

/** Picks an edit run (the newest by default) and shows it; re-reads the runs only when a newer one exists. */
class EditsPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final EditResults edits;
    private final DatasetSamples samples;
    private final Select<EditResults.EditRun> shown = new Select<>();
    private final Div content = new Div();
    private Long newest = -1L;
    /** Set while the select is refilled, so that its value change does not redraw the run twice. */
    private boolean refilling;

    EditsPanel(long projectId, EditResults edits, DatasetSamples samples) {
        this.projectId = projectId;
        this.edits = edits;
        this.samples = samples;
        setPadding(false);
        setId("edits");
        shown.setId("edit-run");
        shown.setLabel("Edit run");
        shown.setItemLabelGenerator(EditResults.EditRun::label);
        shown.setWidth("40em");
        shown.addValueChangeListener(e -> {
            if (!refilling) {
                show();
            }
        });
        content.setWidthFull();
        add(shown, content);
        refresh();
    }

    @Override
    public void refresh() {
        Long latest = edits.newestRunId(projectId).orElse(null);
        if (Objects.equals(latest, newest)) {
            return;
        }
        newest = latest;
        List<EditResults.EditRun> runs = edits.list(projectId);
        Long keep = shown.getValue() == null ? null : shown.getValue().runId();
        refilling = true;
        try {
            shown.setItems(runs);
            shown.setValue(runs.stream().filter(r -> keep != null && r.runId() == keep).findFirst()
                    .orElse(runs.isEmpty() ? null : runs.get(0)));
        } finally {
            refilling = false;
        }
        show();
    }

    private void show() {
        content.removeAll();
        EditResults.EditRun run = shown.getValue();
        if (run == null) {
            content.add(new Paragraph("No edit run yet. A lead plans an EDIT step (after TRAIN) under Experiments: it "
                    + "edits a cue out of the test images and shows whether the model's predictions flip."));
            return;
        }
        content.add(new EditRunView(run), new EditPairsView(run, edits, samples));
    }
}
