package com.spurlab.core.experiment;

import java.util.Map;

/** What a running job needs to know: its step, parameters, dataset, and the run of the step it follows. */
public record JobContext(long jobId, long experimentId, long projectId, long datasetVersionId, StepType type,
                         Map<String, String> params, Long previousRunId) {
}
