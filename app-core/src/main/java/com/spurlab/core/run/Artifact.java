package com.spurlab.core.run;

import com.spurlab.core.step.ArtifactType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something a job made for later steps: a model folder, embeddings, cues, a derived dataset version.
 * Its files live under the data folder at {@code location} (relative; absolute only for rows migrated
 * from before artifacts existed); callers see its id only.
 */
@Entity
@Table(name = "artifact")
class Artifact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id")
    private long projectId;

    @Column(name = "job_id")
    private long jobId;

    @Column(name = "run_id")
    private Long runId;

    @Enumerated(EnumType.STRING)
    private ArtifactType type;

    @Column(name = "dataset_version_id")
    private Long datasetVersionId;

    private String location;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Artifact() {
    }

    Artifact(long projectId, long jobId, Long runId, ArtifactType type, Long datasetVersionId, String location,
             Instant createdAt) {
        this.projectId = projectId;
        this.jobId = jobId;
        this.runId = runId;
        this.type = type;
        this.datasetVersionId = datasetVersionId;
        this.location = location;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getProjectId() {
        return projectId;
    }

    long getJobId() {
        return jobId;
    }

    Long getRunId() {
        return runId;
    }

    ArtifactType getType() {
        return type;
    }

    Long getDatasetVersionId() {
        return datasetVersionId;
    }

    String getLocation() {
        return location;
    }
}
