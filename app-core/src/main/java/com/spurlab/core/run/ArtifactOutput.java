package com.spurlab.core.run;

import com.spurlab.core.step.ArtifactType;
import java.nio.file.Path;

/**
 * An artifact a step hands over when it records its run.
 *
 * @param folder           its files (under the data folder), or null when it has none
 * @param datasetVersionId for DATASET_VERSION the version made; for MODEL the version trained on
 */
public record ArtifactOutput(ArtifactType type, Path folder, Long datasetVersionId) {

    public static ArtifactOutput files(ArtifactType type, Path folder) {
        return new ArtifactOutput(type, folder, null);
    }
}
