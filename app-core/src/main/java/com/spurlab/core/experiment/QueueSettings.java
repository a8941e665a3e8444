package com.spurlab.core.experiment;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job queue ({@code spurlab.queue}).
 *
 * @param slots        how many jobs of each device kind may run at once, across all nodes sharing the queue
 * @param modelDevice  the device kind TRAIN and EVALUATE jobs occupy (GPU where workers have one)
 * @param noopSteps    allow NOOP steps (benchmark and tests only: they do no work)
 * @param maxAttempts  attempts of a job whose failures are transient, the first included
 * @param retryBackoff wait before the first retry; doubled for each further one
 * @param pollInterval how often each node's dispatcher looks for free slots when nothing woke it
 */
@ConfigurationProperties("spurlab.queue")
public record QueueSettings(Map<DeviceKind, Integer> slots,
                            @DefaultValue("CPU") DeviceKind modelDevice,
                            @DefaultValue("false") boolean noopSteps,
                            @DefaultValue("3") int maxAttempts,
                            @DefaultValue("2s") Duration retryBackoff,
                            @DefaultValue("200ms") Duration pollInterval) {

    public QueueSettings {
        slots = slots == null || slots.isEmpty() ? Map.of(DeviceKind.CPU, 2, DeviceKind.GPU, 1) : Map.copyOf(slots);
    }

    public int slots(DeviceKind kind) {
        return slots.getOrDefault(kind, 0);
    }

    DeviceKind deviceOf(StepType type) {
        return type == StepType.NOOP ? DeviceKind.CPU : modelDevice;
    }

    Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt, 16));
    }
}
