package com.spurlab.ui.synthesis;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.synthesis.SynthesisRuns;
import com.spurlab.ui.ProjectView;
import com.spurlab.ui.RunPicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Locale;

/** Picks a synthesis run (the newest by default) and shows it. */
class SynthesisPanel extends VerticalLayout implements ProjectView.Refreshable {

    private final long projectId;
    private final SynthesisRuns syntheses;
    private final DatasetSamples samples;
    private final RunPicker<SynthesisRuns.SynthesisRun> shown = new RunPicker<>(SynthesisRuns.SynthesisRun::runId);
    private final Div content = new Div();

    SynthesisPanel(long projectId, SynthesisRuns syntheses, DatasetSamples samples) {
        this.projectId = projectId;
        this.syntheses = syntheses;
        this.samples = samples;
        setPadding(false);
        setId("synthesis");
        shown.setId("synthesis-run");
        shown.setLabel("Synthesis run");
        shown.setItemLabelGenerator(SynthesisPanel::label);
        shown.setWidth("36em");
        shown.onPicked(this::show);
        content.setWidthFull();
        add(shown, content);
        refresh();
    }

    static String label(SynthesisRuns.SynthesisRun run) {
        return String.format(Locale.ROOT, "Run %d · %s · %d images added · %s", run.runId(), run.report().cue(),
                run.report().added(), run.report().datasetVersionLabel());
    }

    @Override
    public void refresh() {
        if (shown.refresh(syntheses.newestRunId(projectId), () -> syntheses.list(projectId))) {
            show();
        }
    }

    private void show() {
        content.removeAll();
        SynthesisRuns.SynthesisRun run = shown.getValue();
        if (run == null) {
            content.add(new Paragraph("No synthesis yet. A lead plans a SYNTHESIZE step under Experiments; the TRAIN "
                    + "steps after it then train on the enlarged version."));
            return;
        }
        content.add(new SynthesisView(run, samples));
    }
}
