package com.spurlab.core.experiment;

import com.spurlab.core.step.DeviceKind;
import com.spurlab.core.step.StepResources;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The job queue ({@code spurlab.queue}).
 *
 * @param slots        how many jobs of each device kind may run at once on this node; GPU left out means one
 *                     per GPU the node detects. The queue's capacity is the sum over live nodes.
 * @param modelDevice  the device kind of steps that run a model (TRAIN, EVALUATE ...): GPU where workers have one
 * @param maxAttempts  attempts of a job whose failures are transient, the first included
 * @param retryBackoff wait before the first retry; doubled for each further one
 * @param pollInterval how often each node's dispatcher looks for free slots when nothing woke it
 * @param heartbeat    how often a node tells the others it is alive, with its slots
 * @param nodeTimeout  a node not heard of for this long no longer counts towards the queue's capacity
 */
@ConfigurationProperties("spurlab.queue")
public record QueueSettings(Map<DeviceKind, Integer> slots,
                            @DefaultValue("CPU") DeviceKind modelDevice,
                            @DefaultValue("3") int maxAttempts,
                            @DefaultValue("2s") Duration retryBackoff,
                            @DefaultValue("200ms") Duration pollInterval,
                            @DefaultValue("5s") Duration heartbeat,
                            @DefaultValue("30s") Duration nodeTimeout) {

    public QueueSettings {
        slots = slots == null ? Map.of() : Map.copyOf(slots);
    }

    /** This node's slots of a kind; {@code detectedGpus} fills GPU when it is not configured. CPU defaults to 2. */
    public int slots(DeviceKind kind, int detectedGpus) {
        return slots.getOrDefault(kind, kind == DeviceKind.GPU ? detectedGpus : 2);
    }

    public DeviceKind deviceOf(StepResources resources) {
        return resources.modelDevice() ? modelDevice : DeviceKind.CPU;
    }

    Duration backoff(int attempt) {
        return retryBackoff.multipliedBy(1L << Math.min(attempt, 16));
    }
}
