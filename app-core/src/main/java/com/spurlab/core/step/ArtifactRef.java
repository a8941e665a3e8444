package com.spurlab.core.step;

import java.nio.file.Path;

/**
 * An artifact as a running step receives it.
 *
 * @param id               the artifact's id (what API responses show)
 * @param runId            the run that recorded it, if any
 * @param jobId            the job that made it
 * @param datasetVersionId for DATASET_VERSION the version itself; for MODEL the version it was trained on
 * @param location         where its files are on this node (never shown to callers); null when it has none
 */
public record ArtifactRef(long id, ArtifactType type, Long runId, long jobId, Long datasetVersionId, Path location) {
}
