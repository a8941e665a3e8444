package com.spurlab.core.experiment;

import java.util.Map;

/** One planned step: its type and parameters (e.g. method, epochs, seed, groupBy for TRAIN). */
public record StepSpec(StepType type, Map<String, String> params) {
    public StepSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
