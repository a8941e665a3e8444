package com.spurlab.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceInventoryTest {

    @TempDir
    Path dir;

    @Test
    void readsEachCardsModelFromTheDriversInformationFiles() throws IOException {
        Path proc = dir.resolve("gpus");
        for (String bus : new String[] {"0000:c1:00.0", "0000:41:00.0"}) {
            Files.createDirectories(proc.resolve(bus));
            Files.writeString(proc.resolve(bus).resolve("information"),
                    "Model: \t\t NVIDIA H100 80GB HBM3\nIRQ:   123\nGPU UUID: \t GPU-" + bus + "\n");
        }
        Files.createDirectories(proc.resolve("0000:81:00.0"));

        assertThat(DeviceInventory.driverNames(proc)).containsExactly("NVIDIA H100 80GB HBM3", "NVIDIA H100 80GB HBM3");
        assertThat(DeviceInventory.driverNames(dir.resolve("no-driver"))).isEmpty();
    }

    @Test
    void aNodeReportsTheEngineAndWhereItRuns() {
        DeviceInventory inventory = DeviceInventory.detect();

        assertThat(inventory.engine()).startsWith("PyTorch ");
        assertThat(inventory.cpuCores()).isEqualTo(Runtime.getRuntime().availableProcessors());
        // CI and the development machine have no usable GPU; a GPU node runs on gpu(0).
        assertThat(inventory.defaultDevice()).isEqualTo(inventory.gpus().isEmpty() ? "cpu()" : "gpu(0)");
        assertThat(inventory.gpus()).allSatisfy(g -> assertThat(g.memoryBytes()).isPositive());
    }
}
