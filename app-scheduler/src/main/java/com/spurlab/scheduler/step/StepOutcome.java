package com.spurlab.scheduler.step;

/** What a finished step leaves: the run it recorded and a one-line summary for the job list. */
record StepOutcome(long runId, String summary) {
}
