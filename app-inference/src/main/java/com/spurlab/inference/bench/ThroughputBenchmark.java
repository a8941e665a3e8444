package com.spurlab.inference.bench;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.demo.DemoArchive;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.model.ModelMetadata;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingResult;
import com.spurlab.inference.train.TrainingSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Training and inference images/s of the CNN and the ResNet at 64 x 64 on the demo data, and the
 * same for a reference PyTorch (Python) implementation of the same networks on the same machine,
 * data, batch size and epochs, printed with the ratio SpurLab / reference.
 *
 * <p>Run with {@code bench/throughput.sh} (installs Debian's python3-torch when missing).
 * Arguments: {@code images=N} (default 2048), {@code epochs=E} (default 2), {@code batch=B} (default 64),
 * {@code python=/usr/bin/python3}, {@code script=app-inference/src/main/python/reference_throughput.py}.
 * Both sides time forward + backward + Adam steps after decoding, warm-up epochs included; inference is
 * forward passes in batches of 256 in inference mode.
 */
public final class ThroughputBenchmark {

    private static final Pattern REFERENCE = Pattern.compile(
            "train_images_per_s=([0-9.]+) inference_images_per_s=([0-9.]+)");

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> a = new java.util.HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int count = Integer.parseInt(a.getOrDefault("images", "2048"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "2"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "64"));
        String python = a.getOrDefault("python", "/usr/bin/python3");
        Path script = Path.of(a.getOrDefault("script", "app-inference/src/main/python/reference_throughput.py"));
        PrintStream out = System.out;
        DemoSpec standard = DemoSpec.standard();
        Path work = Files.createTempDirectory("spurlab-throughput-");
        try {
            SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, work.resolve("demo.zip"), standard);
            DemoSplits splits = DemoArchive.extract(work.resolve("demo.zip"), work.resolve("data"));
            List<LabeledImage> train = splits.train().subList(0, Math.min(count, splits.train().size()));
            int size = standard.imageSize();
            DecodedImages decoded = DecodedImages.decode(train, size);
            Path raw = work.resolve("images.u8");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(raw))) {
                decoded.writeRaw(o);
            }
            out.printf("data: %d demo training images, %d x %d px, batch %d, %d epochs, %d cores, engine %s %s%n",
                    train.size(), size, size, batch, epochs, Runtime.getRuntime().availableProcessors(),
                    Engine.getInstance().getEngineName(), Engine.getInstance().getVersion());
            out.printf("%-7s %-11s %14s %14s %18s%n", "model", "engine", "train img/s", "infer img/s", "ratio SpurLab/ref");
            for (ClassifierNetwork network : ClassifierNetwork.values()) {
                TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), size, epochs, batch,
                        1e-3f, 1, MethodOptions.legacy().withNetwork(network));
                Path modelDir = work.resolve("model-" + network);
                TrainingResult result = new ClassifierTrainer().train(settings, train, List.of(), modelDir,
                        TrainingProgress.NONE);
                double inference = inferenceRate(modelDir, decoded);
                out.printf("%-7s %-11s %14.1f %14.1f%n", network, "SpurLab/DJL", result.imagesPerSecond(), inference);
                double[] reference = reference(python, script, raw, train.size(), size, splits.classNames().size(), network,
                        batch, epochs, out);
                if (reference != null) {
                    out.printf("%-7s %-11s %14.1f %14.1f %9.2f / %.2f (train / inference)%n", network, "PyTorch", reference[0],
                            reference[1], result.imagesPerSecond() / reference[0], inference / reference[1]);
                }
            }
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Forward passes over the decoded images in batches of 256, inference mode, arrays freed per batch. */
    private static double inferenceRate(Path modelDir, DecodedImages images) throws Exception {
        ModelMetadata metadata = ModelMetadata.read(modelDir);
        try (Model model = Model.newInstance(metadata.modelName(), Engine.getInstance().defaultDevice())) {
            model.setBlock(ClassifierNetwork.ofArchitecture(metadata.architecture()).build(metadata.classNames().size()));
            model.load(modelDir, metadata.modelName());
            long start = System.nanoTime();
            for (int from = 0; from < images.size(); from += 256) {
                int[] batch = new int[Math.min(256, images.size() - from)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = from + i;
                }
                try (NDManager scope = model.getNDManager().newSubManager()) {
                    model.getBlock().forward(new ParameterStore(scope, false), new NDList(images.batch(scope, batch)), false)
                            .singletonOrThrow().argMax(1).toLongArray();
                }
            }
            return images.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Runs the Python reference; null (with the reason printed) when it cannot run. */
    private static double[] reference(String python, Path script, Path raw, int count, int size, int classes,
            ClassifierNetwork network, int batch, int epochs, PrintStream out) throws Exception {
        if (!Files.isExecutable(Path.of(python)) || !Files.isRegularFile(script)) {
            out.printf("%-7s %-11s not run: %s or %s missing (bench/throughput.sh installs python3-torch)%n",
                    network, "PyTorch", python, script);
            return null;
        }
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--data", raw.toString(), "--count",
                String.valueOf(count), "--size", String.valueOf(size), "--classes", String.valueOf(classes), "--model",
                network.name(), "--batch", String.valueOf(batch), "--epochs", String.valueOf(epochs)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            out.printf("%-7s %-11s failed: %s%n", network, "PyTorch", output.strip());
            return null;
        }
        Matcher m = REFERENCE.matcher(output);
        if (!m.find()) {
            out.printf("%-7s %-11s printed no result: %s%n", network, "PyTorch", output.strip());
            return null;
        }
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
    }
}
