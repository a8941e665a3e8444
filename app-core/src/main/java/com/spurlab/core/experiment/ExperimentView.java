package com.spurlab.core.experiment;

import java.time.Instant;
import java.util.List;

/**
 * An experiment with its jobs.
 *
 * @param note what the planner wants the lead to know (e.g. pilot steps left out and why), or null
 */
public record ExperimentView(long id, long projectId, long datasetVersionId, String name, ExperimentStatus status,
                             Instant createdAt, Instant finishedAt, List<JobView> jobs, int priority, String note) {
}
