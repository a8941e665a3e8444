package com.spurlab.core.run;

import java.time.Instant;

/** A run's identity and stored details, whatever step made it. */
public record RunSummary(long id, String kind, String method, long experimentId, long jobId, long datasetVersionId,
                         Long modelRunId, String details, Instant createdAt) {
}
