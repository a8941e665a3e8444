package com.spurlab.core.experiment;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A job as callers see it: its step, state, timings, and where it sits in the queue. */
public record JobView(long id, long experimentId, int stepIndex, StepType type, Map<String, String> params,
                      Long dependsOn, JobStatus status, double progress, String message, Long runId,
                      Instant createdAt, Instant startedAt, Instant finishedAt,
                      List<Long> dependencies, int priority, DeviceKind device, int attempt, Instant dispatchedAt,
                      String node) {

    static JobView of(Job job) {
        return new JobView(job.getId(), job.getExperimentId(), job.getStepIndex(), job.getType(),
                StepParams.read(job.getParams()), job.getDependsOn(), job.getStatus(), job.getProgress(),
                job.getMessage(), job.getRunId(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(),
                job.getDependencies().stream().sorted().toList(), job.getPriority(), job.getDevice(),
                job.getAttempt(), job.getDispatchedAt(), job.getNode());
    }

    /** Seconds left, extrapolated from progress so far; null until the job has run a little. */
    public Long etaSeconds(Instant now) {
        if (status != JobStatus.RUNNING || startedAt == null || progress < 0.01) {
            return null;
        }
        double elapsed = Math.max(0, now.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
        return Math.round(elapsed / progress - elapsed);
    }
}
