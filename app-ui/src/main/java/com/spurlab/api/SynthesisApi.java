package com.spurlab.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.spurlab.core.synthesis.SynthesisReport;
import com.spurlab.core.synthesis.SynthesisRuns;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The result of a SYNTHESIZE run. */
@RestController
class SynthesisApi {

    /** The run's identity, then the report's own fields (DESIGN's shape, extended) at the top level. */
    record SynthesisJson(long runId, long experimentId, @JsonUnwrapped SynthesisReport synthesis) {
    }

    private final SynthesisRuns syntheses;

    SynthesisApi(SynthesisRuns syntheses) {
        this.syntheses = syntheses;
    }

    /**
     * {@code {datasetVersionId, sourceVersionId, cue, cueFrom, attribute, method, added, groupsBefore, groupsAfter,
     * association: {before, after}, fills, quality: {labelConsistency, frechetDistance, frechetOtherValue, diversity,
     * realDiversity, nearDuplicates, modelRunId, modelMethod, groups}, nearDuplicates, examples: [{sampleId, group,
     * operation, sources, seed, augmentation}], settings, report, timings}}; a figure that does not exist is null.
     * 404 when the run is not a synthesis; vendors get 403.
     */
    @GetMapping("/api/v1/runs/{id}/synthesis")
    SynthesisJson synthesis(@PathVariable long id) {
        SynthesisRuns.SynthesisRun run = syntheses.get(id);
        return new SynthesisJson(run.runId(), run.experimentId(), run.report());
    }
}
