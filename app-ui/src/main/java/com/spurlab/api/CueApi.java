package com.spurlab.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.spurlab.core.cues.CueResult;
import com.spurlab.core.cues.CueResults;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The ranked cues of an EXTRACT run. */
@RestController
class CueApi {

    /** The run's identity, then the result's own fields (DESIGN's shape, extended) at the top level. */
    record CuesJson(long runId, Long modelRunId, long datasetVersionId, @JsonUnwrapped CueResult result) {
    }

    private final CueResults cues;

    CueApi(CueResults cues) {
        this.cues = cues;
    }

    /**
     * {@code {split, baseErrorRate, cues: [{rank, cue, kind, label, n, errorRate, lift, ciLow, ciHigh, score,
     * evidence: [sampleId], errors, errorRateLow, errorRateHigh, predicts, association, describedBy}], samples,
     * slices, saliency, foreground, sources, derived, notes, timings}}, best first; evidence ids are samples of
     * {@code datasetVersionId}. A figure that does not exist is null. 404 when the run is not an extraction.
     */
    @GetMapping("/api/v1/runs/{id}/cues")
    CuesJson cues(@PathVariable long id) {
        CueResults.CueRun run = cues.get(id);
        return new CuesJson(run.runId(), run.modelRunId(), run.datasetVersionId(), run.result());
    }
}
