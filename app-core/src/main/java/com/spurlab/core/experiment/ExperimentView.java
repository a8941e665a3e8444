package com.spurlab.core.experiment;

import java.time.Instant;
import java.util.List;

/** An experiment with its jobs. */
public record ExperimentView(long id, long projectId, long datasetVersionId, String name, ExperimentStatus status,
                             Instant createdAt, Instant finishedAt, List<JobView> jobs, int priority) {
}
