package com.spurlab.scheduler.step;

/** What a finished step leaves: the run it recorded (none for NOOP) and a one-line summary for the job list. */
record StepOutcome(Long runId, String summary) {
}
