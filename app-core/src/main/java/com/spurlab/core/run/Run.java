package com.spurlab.core.run;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The lasting output of a TRAIN or EVALUATE job. */
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

    @Enumerated(EnumType.STRING)
    private RunKind kind;

    private String method;

    @Column(name = "model_run_id")
    private Long modelRunId;

    @Column(name = "model_path")
    private String modelPath;

    private String details;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Run() {
    }

    Run(long projectId, long experimentId, long jobId, long datasetVersionId, RunKind kind, String method,
        Long modelRunId, String modelPath, String details, Instant createdAt) {
        this.projectId = projectId;
        this.experimentId = experimentId;
        this.jobId = jobId;
        this.datasetVersionId = datasetVersionId;
        this.kind = kind;
        this.method = method;
        this.modelRunId = modelRunId;
        this.modelPath = modelPath;
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

    RunKind getKind() {
        return kind;
    }

    String getMethod() {
        return method;
    }

    Long getModelRunId() {
        return modelRunId;
    }

    String getModelPath() {
        return modelPath;
    }

    String getDetails() {
        return details;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
