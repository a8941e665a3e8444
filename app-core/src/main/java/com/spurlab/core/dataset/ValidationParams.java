package com.spurlab.core.dataset;

import com.spurlab.core.step.Described;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** What a validation job validates. */
public record ValidationParams(@NotNull @Min(1) @Described("the uploaded version to validate") Long datasetVersionId) {
}
