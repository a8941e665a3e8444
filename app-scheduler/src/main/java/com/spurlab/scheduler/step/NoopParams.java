package com.spurlab.scheduler.step;

import com.spurlab.core.step.Described;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** NOOP's parameters. */
public record NoopParams(
        @Min(0) @Max(3_600_000) @Described("How long to wait, in milliseconds (cancellable).") Integer millis,
        @Min(0) @Max(10) @Described("How many first attempts fail with a transient error, to exercise retries.")
        Integer transientFailures) {

    public NoopParams {
        millis = millis == null ? 0 : millis;
        transientFailures = transientFailures == null ? 0 : transientFailures;
    }
}
