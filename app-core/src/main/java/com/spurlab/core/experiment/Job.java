package com.spurlab.core.experiment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** One step of an experiment as the scheduler runs it; its parameters never change once queued. */
@Entity
@Table(name = "job")
@DynamicUpdate // a transition writes only what it changed, never stale columns read before another node's
public class Job {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "experiment_id", nullable = false)
    private long experimentId;

    @Column(name = "step_index")
    private int stepIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private StepType type;

    @Column(nullable = false, updatable = false)
    private String params;

    @Column(name = "depends_on", updatable = false)
    private Long dependsOn;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_dependency", joinColumns = @JoinColumn(name = "job_id"))
    @Column(name = "depends_on_id")
    private Set<Long> dependencies = new LinkedHashSet<>();

    @Column(nullable = false, updatable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DeviceKind device;

    private int attempt;

    @Column(name = "not_before")
    private Instant notBefore;

    @Column(name = "dispatched_at")
    private Instant dispatchedAt;

    private String node;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private JobStatus status;

    private double progress;

    private String message;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    @Column(name = "run_id")
    private Long runId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected Job() {
    }

    Job(long experimentId, int stepIndex, StepType type, String params, List<Long> dependencies, int priority,
        DeviceKind device, Instant createdAt) {
        this.experimentId = experimentId;
        this.stepIndex = stepIndex;
        this.type = type;
        this.params = params;
        this.dependencies.addAll(dependencies);
        this.dependsOn = dependencies.isEmpty() ? null : dependencies.get(0);
        this.priority = priority;
        this.device = device;
        this.createdAt = createdAt;
        this.status = JobStatus.QUEUED;
    }

    /** After a transient failure: back into the queue, not before the back-off has passed. */
    void requeue(Instant notBefore, String message) {
        status = JobStatus.QUEUED;
        attempt++;
        dispatchedAt = null;
        this.notBefore = notBefore;
        this.message = truncate(message);
    }

    /** A lead retries a finished job that did not succeed: same parameters, a fresh attempt. */
    void retry() {
        status = JobStatus.QUEUED;
        attempt++;
        cancelRequested = false;
        dispatchedAt = null;
        notBefore = null;
        startedAt = null;
        finishedAt = null;
        progress = 0;
        message = "queued again (retry)";
    }

    void report(double progress, String message) {
        if (status == JobStatus.RUNNING) {
            this.progress = Math.max(0, Math.min(1, progress));
            this.message = truncate(message);
        }
    }

    void finish(JobStatus outcome, String message, Long runId, Instant at) {
        if (status.finished()) {
            return;
        }
        this.status = outcome;
        this.message = truncate(message);
        this.finishedAt = at;
        if (outcome == JobStatus.SUCCEEDED) {
            this.progress = 1;
            this.runId = runId;
        }
    }

    void requestCancel() {
        cancelRequested = true;
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1997) + "...";
    }

    public Long getId() {
        return id;
    }

    public long getExperimentId() {
        return experimentId;
    }

    public int getStepIndex() {
        return stepIndex;
    }

    public StepType getType() {
        return type;
    }

    public String getParams() {
        return params;
    }

    public Long getDependsOn() {
        return dependsOn;
    }

    public Set<Long> getDependencies() {
        return Set.copyOf(dependencies);
    }

    public int getPriority() {
        return priority;
    }

    public DeviceKind getDevice() {
        return device;
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getNotBefore() {
        return notBefore;
    }

    public Instant getDispatchedAt() {
        return dispatchedAt;
    }

    public String getNode() {
        return node;
    }

    public JobStatus getStatus() {
        return status;
    }

    public double getProgress() {
        return progress;
    }

    public String getMessage() {
        return message;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public Long getRunId() {
        return runId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
