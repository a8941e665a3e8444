package com.spurlab.core.experiment;

/** Published after a lead asks to cancel a job. */
public record JobCancelRequested(long jobId) {
}
