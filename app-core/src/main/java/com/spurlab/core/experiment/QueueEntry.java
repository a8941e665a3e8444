package com.spurlab.core.experiment;

/** A queued or running job with the experiment and project it belongs to (the queue views' rows). */
public record QueueEntry(JobView job, long projectId, String experimentName) {
}
