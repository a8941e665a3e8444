package com.spurlab.ui.cues;

import com.spurlab.core.cues.CueResults;
import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.project.Capability;
import com.spurlab.ui.ProjectTab;
import com.vaadin.flow.component.Component;

/** The project's Cues tab, for those who read results (executives and leads). */
@org.springframework.stereotype.Component
class CuesTab implements ProjectTab {

    private final CueResults cues;
    private final DatasetSamples samples;

    CuesTab(CueResults cues, DatasetSamples samples) {
        this.cues = cues;
        this.samples = samples;
    }

    @Override
    public String title() {
        return "Cues";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Capability requires() {
        return Capability.READ_RESULTS;
    }

    @Override
    public Component create(long projectId) {
        return new CuesPanel(projectId, cues, samples);
    }
}
