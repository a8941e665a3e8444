package com.spurlab.core.experiment;

/**
 * A job reached a final state (published inside the transaction that finished it, so a listener's
 * writes commit with it). {@code datasetVersionId} is the version the plan named, if any.
 */
public record JobFinished(long jobId, String type, JobStatus status, String message, Long datasetVersionId) {
}
