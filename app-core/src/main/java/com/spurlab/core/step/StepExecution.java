package com.spurlab.core.step;

import java.nio.file.Path;

/**
 * One run of a step on a node.
 *
 * @param experimentId     null for jobs outside experiments (dataset validation)
 * @param datasetVersionId the version the step works on: the nearest upstream DATASET_VERSION artifact, else the
 *                         plan's {@code datasetVersionId} parameter, else the experiment's version
 * @param folder           a folder of this job's own under the data folder, kept across attempts (checkpoints)
 * @param attempt          0 on the first attempt; a transient failure or a lead's retry counts up
 * @param recovering       true when the job's node died while it ran and this run takes it over
 */
public record StepExecution<P>(long jobId, Long experimentId, long projectId, long datasetVersionId, P params,
                               StepInputs inputs, StepProgress progress, Path folder, int attempt, boolean recovering) {
}
