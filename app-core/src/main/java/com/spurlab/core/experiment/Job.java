package com.spurlab.core.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of an experiment as the scheduler runs it; its parameters never change once queued. */
@Entity
@Table(name = "job")
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

    Job(long experimentId, int stepIndex, StepType type, String params, Long dependsOn, Instant createdAt) {
        this.experimentId = experimentId;
        this.stepIndex = stepIndex;
        this.type = type;
        this.params = params;
        this.dependsOn = dependsOn;
        this.createdAt = createdAt;
        this.status = JobStatus.QUEUED;
    }

    /** A recovered job (its process died while it ran) may start again from RUNNING. */
    boolean start(Instant at, boolean recovering) {
        if (status != JobStatus.QUEUED && !(recovering && status == JobStatus.RUNNING)) {
            return false;
        }
        status = JobStatus.RUNNING;
        startedAt = at;
        progress = 0;
        message = recovering ? "resumed after a restart" : "started";
        return true;
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
