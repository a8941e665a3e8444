package com.spurlab.ui.edits;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.edit.EditResults;
import com.spurlab.ui.ProjectView;
import com.spurlab.ui.RunPicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** Picks an edit run (the newest by default) and shows it; re-reads the runs only when a newer one exists. */
class EditsPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final EditResults edits;
    private final DatasetSamples samples;
    private final RunPicker<EditResults.EditRun> shown = new RunPicker<>(EditResults.EditRun::runId);
    private final Div content = new Div();

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
        shown.onPicked(this::show);
        content.setWidthFull();
        add(shown, content);
        refresh();
    }

    @Override
    public void refresh() {
        if (shown.refresh(edits.newestRunId(projectId), () -> edits.list(projectId))) {
            show();
        }
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
