package com.spurlab.core.step;

import java.util.List;
import java.util.Set;

/**
 * A step type as the experiment form, the step list of the API and the OpenAPI document describe it.
 *
 * @param needs what a plan must supply it with; {@code uses} what it takes when a step upstream makes it
 */
public record StepInfo(String type, String description, Set<ArtifactType> needs, Set<ArtifactType> uses,
                       Set<ArtifactType> produces, List<StepParameter> parameters) {
}
