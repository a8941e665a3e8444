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

/** A plan of steps over one dataset version of a project. */
@Entity
@Table(name = "experiment")
public class Experiment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "dataset_version_id", nullable = false)
    private long datasetVersionId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ExperimentStatus status;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false, updatable = false)
    private int priority;

    /** What the planner wants the lead to know (steps a pilot left out, and why); null when nothing. */
    @Column(updatable = false)
    private String note;

    protected Experiment() {
    }

    Experiment(long projectId, long datasetVersionId, String name, int priority, long createdBy, Instant createdAt,
               String note) {
        this.priority = priority;
        this.note = note == null || note.length() <= 2000 ? note : note.substring(0, 1997) + "...";
        this.projectId = projectId;
        this.datasetVersionId = datasetVersionId;
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.status = ExperimentStatus.QUEUED;
    }

    void updateStatus(ExperimentStatus status, Instant at) {
        this.status = status;
        boolean done = status != ExperimentStatus.QUEUED && status != ExperimentStatus.RUNNING;
        this.finishedAt = done ? at : null;
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public long getDatasetVersionId() {
        return datasetVersionId;
    }

    public String getName() {
        return name;
    }

    public ExperimentStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getPriority() {
        return priority;
    }

    public String getNote() {
        return note;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
