package com.spurlab.core.experiment;

/**
 * A queued, running or recently stopped job with what it belongs to (the queue views' rows).
 *
 * @param title the experiment's name, or what the job does when it has no experiment ("validating shelf v2")
 */
public record QueueEntry(JobView job, long projectId, String projectName, String title) {
}
