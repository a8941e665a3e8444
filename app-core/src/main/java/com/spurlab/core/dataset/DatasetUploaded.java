package com.spurlab.core.dataset;

/** Published after an upload is stored: the scheduler queues its validation. */
public record DatasetUploaded(long datasetVersionId) {
}
