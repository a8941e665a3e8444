package com.spurlab.core.experiment;

import com.spurlab.core.step.StepInputs;

/**
 * What a node needs to run a job: its step and stored parameters, the dataset version it works on and the
 * artifacts of the steps upstream.
 */
public record JobWork(long jobId, Long experimentId, long projectId, String type, String params, long datasetVersionId,
                      StepInputs inputs, int attempt) {
}
