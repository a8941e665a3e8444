package com.spurlab.scheduler.step;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The GPUs this node's PyTorch engine sees, detected once at start (none on a CPU-only node). */
@Component
class LocalDevices {

    private static final Logger log = LoggerFactory.getLogger(LocalDevices.class);

    private final int gpus;
    private final String description;

    LocalDevices() {
        int count = 0;
        List<String> names = new ArrayList<>();
        try {
            Engine engine = Engine.getEngine("PyTorch");
            count = engine.getGpuCount();
            for (int i = 0; i < count; i++) {
                names.add(Device.gpu(i).toString());
            }
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            log.warn("cannot ask the PyTorch engine for GPUs; this node runs on CPU only: {}", e.getMessage());
        }
        this.gpus = count;
        this.description = String.join(", ", names);
        log.info("this node sees {} GPU(s){}", count, names.isEmpty() ? "" : ": " + description);
    }

    int gpuCount() {
        return gpus;
    }

    String description() {
        return description;
    }
}
