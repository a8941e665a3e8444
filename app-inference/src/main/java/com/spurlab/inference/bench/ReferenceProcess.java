package com.spurlab.inference.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code reference_throughput.py} (PyTorch in Python) and reads its one result line. */
final class ReferenceProcess {

    /**
     * The glibc malloc and OpenMP settings that {@link com.spurlab.inference.engine.NativeRuntime} applies in
     * SpurLab's process, for the tuned reference.
     */
    static final Map<String, String> TUNED_ENVIRONMENT = Map.of("MALLOC_MMAP_THRESHOLD_", "33554432",
            "MALLOC_TRIM_THRESHOLD_", "1073741824", "MALLOC_TOP_PAD_", "268435456", "GOMP_SPINCOUNT", "1000");

    private static final Pattern RESULT = Pattern.compile("train_images_per_s=([0-9.]+) inference_images_per_s=([0-9.]+)");

    private final String python;
    private final Path script;

    ReferenceProcess(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** Why the reference cannot run, or null when it can. */
    String unavailable() {
        if (!Files.isExecutable(Path.of(python)) || !Files.isRegularFile(script)) {
            return python + " or " + script + " missing (bench/throughput.sh installs python3-torch)";
        }
        return null;
    }

    /** The reference's versions line ({@code pytorch=... blas=... onednn=...}), or why it failed. */
    String info() throws IOException, InterruptedException {
        return run(List.of("--info"), Map.of()).strip();
    }

    /**
     * Trains and predicts once; {train img/s, inference img/s}.
     *
     * @throws IOException when the process fails or prints no result
     */
    double[] measure(List<String> arguments, Map<String, String> environment) throws IOException, InterruptedException {
        String output = run(arguments, environment);
        Matcher m = RESULT.matcher(output);
        if (!m.find()) {
            throw new IOException("the reference printed no result: " + output.strip());
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }

    private String run(List<String> arguments, Map<String, String> environment) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, script.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("the reference failed: " + output.strip());
        }
        return output;
    }
}
