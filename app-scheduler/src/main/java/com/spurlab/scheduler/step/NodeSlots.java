package com.spurlab.scheduler.step;

import com.spurlab.core.experiment.QueueSettings;
import com.spurlab.core.step.DeviceKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * This node's own slots: how many jobs of each device kind it runs at once, and its one training engine
 * (DJL's PyTorch engine has a single gradient collector per process). The queue dispatches against the
 * sum over nodes; these are what a node checks when the executor hands it a job.
 */
@Component
public class NodeSlots {

    private final Map<DeviceKind, Integer> limits = new EnumMap<>(DeviceKind.class);
    private final Map<DeviceKind, Integer> used = new EnumMap<>(DeviceKind.class);
    private final Map<Long, DeviceKind> holders = new HashMap<>();
    private final int gpus;
    private final String gpuNames;
    private Long trainer;

    NodeSlots(QueueSettings settings, LocalDevices devices) {
        this.gpus = devices.gpuCount();
        this.gpuNames = devices.description();
        for (DeviceKind kind : DeviceKind.values()) {
            limits.put(kind, settings.slots(kind, gpus));
            used.put(kind, 0);
        }
    }

    public int limit(DeviceKind kind) {
        return limits.get(kind);
    }

    public String gpuNames() {
        return gpuNames;
    }

    /** Takes a slot for the job; returns why not (to tell the job) when this node's slots or engine are taken. */
    synchronized String tryAcquire(long jobId, DeviceKind device, boolean trainingEngine) {
        if (holders.containsKey(jobId)) {
            return null;
        }
        if (trainingEngine && trainer != null) {
            return "queued behind job " + trainer + ": one training at a time per node";
        }
        if (used.get(device) >= limits.get(device)) {
            return "queued: this node's " + device + " slots (" + limits.get(device) + ") are taken";
        }
        used.merge(device, 1, Integer::sum);
        holders.put(jobId, device);
        if (trainingEngine) {
            trainer = jobId;
        }
        return null;
    }

    synchronized void release(long jobId) {
        DeviceKind device = holders.remove(jobId);
        if (device != null) {
            used.merge(device, -1, Integer::sum);
        }
        if (trainer != null && trainer == jobId) {
            trainer = null;
        }
    }
}
