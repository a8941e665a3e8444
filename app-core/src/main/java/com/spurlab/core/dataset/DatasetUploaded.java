package com.spurlab.core.dataset;

/** Published inside the transaction that stored an upload: its validation job is queued in the same transaction. */
public record DatasetUploaded(long datasetVersionId, long projectId) {
}
