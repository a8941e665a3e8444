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
import com.spurlab.core.step.DeviceKind;
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

    @Column(name = "project_id", nullable = false, updatable = false)
    private long projectId;

    /** Null for the installation's own jobs outside experiments (dataset validation). */
    @Column(name = "experiment_id", updatable = false)
    private Long experimentId;

    @Column(name = "step_index")
    private int stepIndex;

    /** The step type, a name in the {@link com.spurlab.core.step.StepCatalog}. */
    @Column(nullable = false, updatable = false)
    private String type;

    @Column(nullable = false, updatable = false)
    private String params;

    @Column(name = "depends_on", updatable = false)
    private Long dependsOn;

    // Loaded for many jobs at once (a project's experiments, a queue view): one query per 256 jobs, not one per job.
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "job_dependency", joinColumns = @JoinColumn(name = "job_id"))
    @Column(name = "depends_on_id")
    @org.hibernate.annotations.BatchSize(size = 256)
    private Set<Long> dependencies = new LinkedHashSet<>();

    @Column(nullable = false, updatable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DeviceKind device;

    /** Whether it needs its node's one training engine (DJL's gradient collector is per process). */
    @Column(name = "training_engine", nullable = false, updatable = false)
    private boolean trainingEngine;

    /** Counts hand-overs to the executor: each has a Quartz key of its own. */
    @Column(name = "dispatch_count")
    private int dispatchCount;

    /** A model named by the plan's {@code modelRunId} (from another experiment of the project). */
    @Column(name = "input_run_id", updatable = false)
    private Long inputRunId;

    /** A dataset version named by the plan's {@code datasetVersionId}. */
    @Column(name = "input_dataset_version_id", updatable = false)
    private Long inputDatasetVersionId;

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

    Job(long projectId, Long experimentId, int stepIndex, String type, String params, List<Long> dependencies,
        int priority, DeviceKind device, boolean trainingEngine, Long inputRunId, Long inputDatasetVersionId,
        Instant createdAt) {
        this.projectId = projectId;
        this.experimentId = experimentId;
        this.stepIndex = stepIndex;
        this.type = type;
        this.params = params;
        this.dependencies.addAll(dependencies);
        this.dependsOn = dependencies.isEmpty() ? null : dependencies.get(0);
        this.priority = priority;
        this.device = device;
        this.trainingEngine = trainingEngine;
        this.inputRunId = inputRunId;
        this.inputDatasetVersionId = inputDatasetVersionId;
        this.createdAt = createdAt;
        this.status = JobStatus.QUEUED;
    }

    /**
     * Handed back by a node that cannot start it now (its training engine or device slots are taken by
     * jobs another node's executor placed there): queued again at once, with why. A job taken over from a
     * dead node keeps its start time, so its next start is logged as the resumption it is.
     */
    void handBack(String message) {
        status = JobStatus.QUEUED;
        dispatchedAt = null;
        node = null;
        this.message = truncate(message);
    }

    /** After a transient failure: back into the queue, not before the back-off has passed. */
    void requeue(Instant notBefore, String message) {
        status = JobStatus.QUEUED;
        attempt++;
        dispatchedAt = null;
        startedAt = null;
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

    public long getProjectId() {
        return projectId;
    }

    public Long getExperimentId() {
        return experimentId;
    }

    public boolean isTrainingEngine() {
        return trainingEngine;
    }

    public int getDispatchCount() {
        return dispatchCount;
    }

    public Long getInputRunId() {
        return inputRunId;
    }

    public Long getInputDatasetVersionId() {
        return inputDatasetVersionId;
    }

    public int getStepIndex() {
        return stepIndex;
    }

    public String getType() {
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
