package com.spurlab.core.step;

/** What a finished step leaves: the run it recorded (null when none) and a one-line summary for the job list. */
public record StepOutcome(Long runId, String summary) {
}
