package com.spurlab.inference.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compute this node offers to the tensor engine: what a worker reports so the queue can give each
 * node its own GPU slots.
 *
 * @param engine        engine name and version, e.g. {@code "PyTorch 2.7.1"}
 * @param cpuCores      logical CPU cores this JVM may use
 * @param gpus          the GPUs the engine can run on, in engine order ({@code Device.gpu(i)}); empty on a CPU-only node
 * @param defaultDevice where training and prediction run, e.g. {@code "gpu(0)"} or {@code "cpu()"}
 */
public record DeviceInventory(String engine, int cpuCores, List<Gpu> gpus, String defaultDevice) {

    /**
     * One GPU.
     *
     * @param index             the engine's device index
     * @param name              the card, e.g. {@code "NVIDIA H100 80GB HBM3"}; {@code "GPU <index>"} when the driver does not say
     * @param memoryBytes       total device memory
     * @param computeCapability e.g. {@code "90"}
     */
    public record Gpu(int index, String name, long memoryBytes, String computeCapability) {
    }

    public DeviceInventory {
        gpus = List.copyOf(gpus);
    }

    /** Asks the engine (loading it if needed); a node whose CUDA driver is missing or too old reports no GPUs. */
    public static DeviceInventory detect() {
        NativeRuntime.prepare();
        Engine engine = Engine.getInstance();
        int count = engine.getGpuCount();
        List<String> names = driverNames(Path.of("/proc/driver/nvidia/gpus"));
        List<Gpu> gpus = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // The driver lists cards by PCI bus; CUDA's default order can differ, so a name is only
            // attached when every card has the same one.
            String name = names.size() == count && names.stream().distinct().count() == 1 ? names.get(0) : "GPU " + i;
            gpus.add(new Gpu(i, name, CudaUtils.getGpuMemory(Device.gpu(i)).getMax(), CudaUtils.getComputeCapability(i)));
        }
        return new DeviceInventory(engine.getEngineName() + " " + engine.getVersion(),
                Runtime.getRuntime().availableProcessors(), gpus, engine.defaultDevice().toString());
    }

    /** The {@code Model:} line of each card's information file under the NVIDIA driver's proc folder. */
    static List<String> driverNames(Path proc) {
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        try (Stream<Path> cards = Files.list(proc)) {
            List<String> names = new ArrayList<>();
            for (Path card : cards.sorted().toList()) {
                Path info = card.resolve("information");
                if (Files.isRegularFile(info)) {
                    Files.readAllLines(info).stream().filter(l -> l.startsWith("Model:"))
                            .map(l -> l.substring("Model:".length()).strip()).findFirst().ifPresent(names::add);
                }
            }
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }
}
