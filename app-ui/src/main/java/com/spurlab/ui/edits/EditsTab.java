package com.spurlab.ui.edits;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.edit.EditResults;
import com.spurlab.core.project.Capability;
import com.spurlab.ui.ProjectTab;
import com.vaadin.flow.component.Component;

/** The project's Edits tab, for those who read results (executives and leads). */
@org.springframework.stereotype.Component
class EditsTab implements ProjectTab {

    private final EditResults edits;
    private final DatasetSamples samples;

    EditsTab(EditResults edits, DatasetSamples samples) {
        this.edits = edits;
        this.samples = samples;
    }

    @Override
    public String title() {
        return "Edits";
    }

    /** After Experiments (30), before Audit (50), which reads edit runs. */
    @Override
    public int order() {
        return 45;
    }

    @Override
    public Capability requires() {
        return Capability.READ_RESULTS;
    }

    @Override
    public Component create(long projectId) {
        return new EditsPanel(projectId, edits, samples);
    }
}
