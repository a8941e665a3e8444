package com.spurlab.core.dataset;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One immutable upload of a named dataset in a project; version numbers count up per name. */
@Entity
@Table(name = "dataset_version")
public class DatasetVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String name;

    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DatasetStatus status;

    private String format;

    @Column(name = "uploaded_by", nullable = false)
    private long uploadedBy;

    @Column(name = "archive_name", nullable = false)
    private String archiveName;

    @Column(name = "archive_size")
    private long archiveSize;

    @Column(name = "sample_count")
    private int sampleCount;

    private String report;

    private String summary;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "validated_at")
    private Instant validatedAt;

    /** Share of the validation done, 0..1; written by the validation job while it reads the archive. */
    private double progress;

    /** The version a step derived this one from (edited, synthesised); null for uploads. */
    @Column(name = "derived_from", updatable = false)
    private Long derivedFrom;

    @Column(name = "derived_by_job", updatable = false)
    private Long derivedByJob;

    @Column(name = "derived_step", updatable = false)
    private String derivedStep;

    /** The upload at the root of this version's derivations (itself for an upload): what "comparable" means. */
    @Column(name = "lineage_root")
    private Long lineageRoot;

    protected DatasetVersion() {
    }

    DatasetVersion(long projectId, String name, int version, long uploadedBy, String archiveName, long archiveSize,
                   Instant createdAt) {
        this.projectId = projectId;
        this.name = name;
        this.version = version;
        this.uploadedBy = uploadedBy;
        this.archiveName = archiveName;
        this.archiveSize = archiveSize;
        this.createdAt = createdAt;
        this.status = DatasetStatus.VALIDATING;
    }

    /** A version a step derived from {@code source}: READY from the start, its samples written with it. */
    static DatasetVersion derived(DatasetVersion source, String name, int version, long jobId, String step,
                                  int sampleCount, String report, String summary, Instant at) {
        DatasetVersion v = new DatasetVersion(source.projectId, name, version, source.uploadedBy,
                "derived by job " + jobId, 0, at);
        v.status = DatasetStatus.READY;
        v.format = "derived";
        v.sampleCount = sampleCount;
        v.report = report;
        v.summary = summary;
        v.validatedAt = at;
        v.progress = 1;
        v.derivedFrom = source.id;
        v.derivedByJob = jobId;
        v.derivedStep = step;
        v.lineageRoot = source.getLineageRoot();
        return v;
    }

    /** An upload is its own lineage root; set once its id exists. */
    void rootItself() {
        if (lineageRoot == null) {
            lineageRoot = id;
        }
    }

    void accept(String format, int sampleCount, String report, String summary, Instant at) {
        requireValidating();
        this.status = DatasetStatus.READY;
        this.format = format;
        this.sampleCount = sampleCount;
        this.report = report;
        this.summary = summary;
        this.validatedAt = at;
        this.progress = 1;
    }

    void reject(String format, String report, Instant at) {
        requireValidating();
        this.status = DatasetStatus.REJECTED;
        this.format = format;
        this.report = report;
        this.validatedAt = at;
        this.progress = 1;
    }

    private void requireValidating() {
        if (status != DatasetStatus.VALIDATING) {
            throw new IllegalStateException("dataset version " + id + " is already " + status);
        }
    }

    public Long getId() {
        return id;
    }

    public long getProjectId() {
        return projectId;
    }

    public String getName() {
        return name;
    }

    public int getVersion() {
        return version;
    }

    public DatasetStatus getStatus() {
        return status;
    }

    public String getFormat() {
        return format;
    }

    public long getUploadedBy() {
        return uploadedBy;
    }

    public String getArchiveName() {
        return archiveName;
    }

    public long getArchiveSize() {
        return archiveSize;
    }

    public int getSampleCount() {
        return sampleCount;
    }

    public String getReport() {
        return report;
    }

    public String getSummary() {
        return summary;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getValidatedAt() {
        return validatedAt;
    }

    public double getProgress() {
        return progress;
    }

    public Long getDerivedFrom() {
        return derivedFrom;
    }

    public Long getDerivedByJob() {
        return derivedByJob;
    }

    public String getDerivedStep() {
        return derivedStep;
    }

    public long getLineageRoot() {
        return lineageRoot == null ? id : lineageRoot;
    }
}
