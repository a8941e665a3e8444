package com.spurlab.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.spurlab.core.edit.EditPair;
import com.spurlab.core.edit.EditResults;
import com.spurlab.core.edit.EditSetResult;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The figures and pairs of an EDIT run. */
@RestController
class EditApi {

    /**
     * The run's identity, the figures (DESIGN's shape, extended) at the top level, then a page of the pairs.
     *
     * @param pairsTotal pairs that match the filter ({@code pairs} holds the page)
     */
    record EditsJson(long runId, Long modelRunId, String method, @JsonUnwrapped EditSetResult edits, int pairsTotal,
                     List<EditPair> pairs) {
    }

    private final EditResults edits;

    EditApi(EditResults edits) {
        this.edits = edits;
    }

    /**
     * {@code {datasetVersionId (the edited version), cue, operation, split, n, correctBefore, flipped, flipRate, ciLow,
     * ciHigh, controlFlipRate, confirmed, sourceVersionId, controlCiLow, controlCiHigh, consistency, groups, verdict,
     * report, pairsTotal, pairs: [{originalSampleId, editedSampleId, group, predictedBefore, predictedAfter, flipped
     * ...}]}}; a rate that does not exist is null. Images are the versions' samples
     * ({@code /api/v1/datasets/{id}/samples/{sampleId}/image}). 404 when the run is not an edit.
     *
     * @param group   only this group's pairs (e.g. {@code sandal|warm})
     * @param flipped only pairs whose prediction changed (true) or did not (false)
     */
    @GetMapping("/api/v1/runs/{id}/edits")
    EditsJson edits(@PathVariable long id, @RequestParam(required = false) String group,
                    @RequestParam(required = false) Boolean flipped, @RequestParam(defaultValue = "0") int offset,
                    @RequestParam(defaultValue = "1000") int limit) {
        EditResults.EditRun run = edits.get(id);
        EditResults.PairPage page = edits.pairs(id, group, flipped, offset, limit);
        return new EditsJson(run.runId(), run.modelRunId(), run.method(), run.result(), page.total(), page.pairs());
    }
}
