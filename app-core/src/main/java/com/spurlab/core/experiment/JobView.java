package com.spurlab.core.experiment;

import java.time.Instant;
import java.util.Map;

/** A job as callers see it. */
public record JobView(long id, long experimentId, int stepIndex, StepType type, Map<String, String> params,
                      Long dependsOn, JobStatus status, double progress, String message, Long runId,
                      Instant createdAt, Instant startedAt, Instant finishedAt) {

    static JobView of(Job job) {
        return new JobView(job.getId(), job.getExperimentId(), job.getStepIndex(), job.getType(),
                StepParams.read(job.getParams()), job.getDependsOn(), job.getStatus(), job.getProgress(),
                job.getMessage(), job.getRunId(), job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt());
    }
}
