package com.spurlab.core.dataset;

import com.spurlab.core.Json;
import java.time.Instant;

/** A dataset version as callers see it, with its report and composition decoded; progress 0..1 while validating. */
public record DatasetVersionView(long id, long projectId, String name, int version, DatasetStatus status,
                                 String format, String archiveName, long archiveSize, int samples,
                                 String uploadedBy, Instant createdAt, Instant validatedAt,
                                 ValidationReport report, Composition composition, double progress,
                                 DerivedFrom derivedFrom, long lineageRootId) {

    /**
     * Where a derived version comes from: the version, the job (and the step type) that made it.
     *
     * @param jobId the job of the step; its run, once recorded, is the API's {@code runId}
     */
    public record DerivedFrom(long datasetVersionId, long jobId, String step) {
    }

    static DatasetVersionView of(DatasetVersion v, String uploader) {
        return new DatasetVersionView(v.getId(), v.getProjectId(), v.getName(), v.getVersion(), v.getStatus(),
                v.getFormat(), v.getArchiveName(), v.getArchiveSize(), v.getSampleCount(), uploader,
                v.getCreatedAt(), v.getValidatedAt(), Json.read(v.getReport(), ValidationReport.class),
                Json.read(v.getSummary(), Composition.class), v.getProgress(),
                v.getDerivedFrom() == null ? null : new DerivedFrom(v.getDerivedFrom(), v.getDerivedByJob(),
                        v.getDerivedStep()), v.getLineageRoot());
    }

    public boolean derived() {
        return derivedFrom != null;
    }

    public String label() {
        return label(name, version);
    }

    /** "shelf v3"; a rejected upload whose number a later upload took reads "shelf · rejected upload". */
    public static String label(String name, int version) {
        return version > 0 ? name + " v" + version : name + " · rejected upload";
    }
}
