package com.spurlab.core.run;

import com.spurlab.core.step.ArtifactType;

/** An artifact as API callers see it: by id and type, never by server path. */
public record ArtifactView(long id, ArtifactType type, long jobId, Long runId, Long datasetVersionId) {

    static ArtifactView of(Artifact a) {
        return new ArtifactView(a.getId(), a.getType(), a.getJobId(), a.getRunId(), a.getDatasetVersionId());
    }
}
