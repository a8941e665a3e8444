package com.spurlab.core.step;

import com.spurlab.core.InvalidRequestException;
import java.util.List;
import java.util.Optional;

/**
 * The artifacts a job receives: those of every step it depends on (directly first, then further
 * upstream, nearest first) and those named by {@code modelRunId} / {@code datasetVersionId}, which come first.
 */
public record StepInputs(List<ArtifactRef> artifacts) {

    public StepInputs {
        artifacts = List.copyOf(artifacts);
    }

    /** The nearest artifact of a type. */
    public Optional<ArtifactRef> first(ArtifactType type) {
        return artifacts.stream().filter(a -> a.type() == type).findFirst();
    }

    /** Every artifact of a type, nearest first. */
    public List<ArtifactRef> all(ArtifactType type) {
        return artifacts.stream().filter(a -> a.type() == type).toList();
    }

    public ArtifactRef require(ArtifactType type) {
        return first(type).orElseThrow(() -> new InvalidRequestException("missing_input", "this step needs a "
                + type + " from a step it depends on, and none produced one"));
    }
}
