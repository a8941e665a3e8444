package com.spurlab.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.spurlab.core.audit.AuditResult;
import com.spurlab.core.audit.AuditResults;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The report of an AUDIT run. */
@RestController
class AuditApi {

    /** The run's identity, then the report's own fields (DESIGN's shape, extended) at the top level. */
    record AuditJson(long runId, Long modelRunId, String method, long datasetVersionId,
                     @JsonUnwrapped AuditResult audit) {
    }

    private final AuditResults audits;

    AuditApi(AuditResults audits) {
        this.audits = audits;
    }

    /**
     * {@code {split, cue, n, eat: [{target, attribute, effectSize, pValue, n, ...}], gaps: {accuracy, tpr, fpr,
     * intervals, ...}, counterfactualConsistency, consistency, odmap: {k, original, edited, drop, intervals, ...},
     * findings, approximations, notes}}; a figure that does not exist is null. 404 when the run is not an audit.
     */
    @GetMapping("/api/v1/runs/{id}/audit")
    AuditJson audit(@PathVariable long id) {
        AuditResults.AuditRun run = audits.get(id);
        return new AuditJson(run.runId(), run.modelRunId(), run.method(), run.datasetVersionId(), run.result());
    }
}
