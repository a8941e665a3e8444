package com.spurlab.ui.synthesis;

import com.spurlab.core.dataset.DatasetSamples;
import com.spurlab.core.project.Capability;
import com.spurlab.core.synthesis.SynthesisRuns;
import com.spurlab.ui.ProjectTab;
import com.vaadin.flow.component.Component;

/** The project's Synthesis tab, for those who read results (executives and leads). */
@org.springframework.stereotype.Component
class SynthesisTab implements ProjectTab {

    private final SynthesisRuns syntheses;
    private final DatasetSamples samples;

    SynthesisTab(SynthesisRuns syntheses, DatasetSamples samples) {
        this.syntheses = syntheses;
        this.samples = samples;
    }

    @Override
    public String title() {
        return "Synthesis";
    }

    @Override
    public int order() {
        return 47;
    }

    @Override
    public Capability requires() {
        return Capability.READ_RESULTS;
    }

    @Override
    public Component create(long projectId) {
        return new SynthesisPanel(projectId, syntheses, samples);
    }
}
