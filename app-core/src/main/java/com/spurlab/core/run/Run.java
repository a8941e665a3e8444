package com.spurlab.core.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The lasting result of one job: what its step found or made; at most one per job. */
@Entity
@Table(name = "run")
class Run {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private long projectId;

    @Column(name = "experiment_id")
    private long experimentId;

    @Column(name = "job_id")
    private long jobId;

    @Column(name = "dataset_version_id")
    private long datasetVersionId;

    /** The step type that made it (TRAIN, EVALUATE, EXTRACT ...). */
    private String kind;

    private String method;

    @Column(name = "model_run_id")
    private Long modelRunId;

    private String details;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Run() {
    }

    Run(long projectId, long experimentId, long jobId, long datasetVersionId, String kind, String method,
        Long modelRunId, String details, Instant createdAt) {
        this.projectId = projectId;
        this.experimentId = experimentId;
        this.jobId = jobId;
        this.datasetVersionId = datasetVersionId;
        this.kind = kind;
        this.method = method;
        this.modelRunId = modelRunId;
        this.details = details;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    long getExperimentId() {
        return experimentId;
    }

    long getJobId() {
        return jobId;
    }

    long getDatasetVersionId() {
        return datasetVersionId;
    }

    String getKind() {
        return kind;
    }

    String getMethod() {
        return method;
    }

    Long getModelRunId() {
        return modelRunId;
    }

    String getDetails() {
        return details;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
