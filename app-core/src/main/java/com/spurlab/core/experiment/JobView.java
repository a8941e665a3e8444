package com.spurlab.core.experiment;

import com.spurlab.core.run.ArtifactView;
import com.spurlab.core.step.DeviceKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as callers see it: its step, parameters (defaults filled in), state, timings, where it sits in
 * the queue, and the artifacts it made.
 *
 * @param experimentId null for a dataset validation
 */
public record JobView(long id, Long experimentId, long projectId, int stepIndex, String type, Map<String, Object> params,
                      Long dependsOn, JobStatus status, double progress, String message, Long runId,
                      Instant createdAt, Instant startedAt, Instant finishedAt,
                      List<Long> dependencies, int priority, DeviceKind device, boolean trainingEngine, int attempt,
                      Instant dispatchedAt, String node, Long modelRunId, Long datasetVersionId,
                      List<ArtifactView> artifacts) {

    static JobView of(Job job, Map<String, Object> params, List<ArtifactView> artifacts) {
        return new JobView(job.getId(), job.getExperimentId(), job.getProjectId(), job.getStepIndex(), job.getType(),
                params, job.getDependsOn(), job.getStatus(), job.getProgress(), job.getMessage(), job.getRunId(),
                job.getCreatedAt(), job.getStartedAt(), job.getFinishedAt(),
                job.getDependencies().stream().sorted().toList(), job.getPriority(), job.getDevice(),
                job.isTrainingEngine(), job.getAttempt(), job.getDispatchedAt(), job.getNode(), job.getInputRunId(),
                job.getInputDatasetVersionId(), artifacts == null ? List.of() : artifacts);
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
