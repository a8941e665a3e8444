package com.spurlab.core.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One planned step: its type and parameters as the caller sent them (JSON values). Besides the step's own
 * parameters a plan may give {@code dependsOn} (earlier step indices), {@code modelRunId} and
 * {@code datasetVersionId} (results elsewhere in the project).
 */
public record StepSpec(String type, Map<String, Object> params) {
    public StepSpec {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
