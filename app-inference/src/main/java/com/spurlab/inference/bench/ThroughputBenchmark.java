package com.spurlab.inference.bench;

import ai.djl.engine.Engine;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.demo.DemoArchive;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import com.spurlab.inference.engine.NativeRuntime;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.predict.BatchedPredictor;
import com.spurlab.inference.predict.ImageInput;
import com.spurlab.inference.predict.Scores;
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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Training and inference images/s of the CNN and the ResNet at 64 x 64 on the demo data, against a reference
 * PyTorch (Python) implementation of the same networks on the same machine, data, batch size, epochs,
 * threads and input scaling; plus SpurLab embedding a 5 000-image split from its PNG files.
 *
 * <p>Training throughput includes the first steps (warm-up) on both sides; inference is timed on a second
 * pass over the images, after a warm-up pass, on both sides; embedding is timed cold, as a step runs it.
 *
 * <p>Each round runs every side once per network, the sides' order rotating from round to round, and
 * records the load average before and after each run; the summary gives the median and spread over the
 * rounds, and the ratios SpurLab / PyTorch as the median of the rounds' paired ratios (a round's sides saw
 * about the same load). The reference runs twice per round: as usually written (NCHW, glibc defaults:
 * the ratio of the last line) and tuned like SpurLab (channels-last, the same malloc and OpenMP settings).
 *
 * <p>Run with {@code bench/throughput.sh} (installs Debian's python3-torch when missing). Arguments:
 * {@code images=N} (2048), {@code epochs=E} (2), {@code batch=B} (64), {@code runs=R} (3), {@code threads=T}
 * (all cores), {@code embed=M} (5000), {@code tuned=false} (skips the tuned reference),
 * {@code python=/usr/bin/python3}, {@code script=app-inference/src/main/python/reference_throughput.py}.
 * The last line reads {@code ratio train cnn=<x> resnet=<y> infer cnn=<z> resnet=<w>}.
 */
public final class ThroughputBenchmark {

    private static final String SPURLAB = "SpurLab/DJL";
    private static final String PYTORCH = "PyTorch";
    private static final String TUNED = "PyTorch-CL";

    private final Map<String, List<Double>> series = new HashMap<>();
    private final PrintStream out = System.out;

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int threads = Integer.parseInt(a.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        // Before the engine loads: libtorch reads its thread counts once.
        System.setProperty("ai.djl.pytorch.num_threads", String.valueOf(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        NativeRuntime.prepare();
        new ThroughputBenchmark().run(a, threads);
    }

    private void run(Map<String, String> a, int threads) throws Exception {
        int count = Integer.parseInt(a.getOrDefault("images", "2048"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "2"));
        int batch = Integer.parseInt(a.getOrDefault("batch", "64"));
        int runs = Integer.parseInt(a.getOrDefault("runs", "3"));
        int embedCount = Integer.parseInt(a.getOrDefault("embed", "5000"));
        boolean tuned = !"false".equals(a.get("tuned"));
        ReferenceProcess reference = new ReferenceProcess(a.getOrDefault("python", "/usr/bin/python3"),
                Path.of(a.getOrDefault("script", "app-inference/src/main/python/reference_throughput.py")));
        DemoSpec standard = DemoSpec.standard();
        Path work = Files.createTempDirectory("spurlab-throughput-");
        try {
            SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, work.resolve("demo.zip"), standard);
            DemoSplits splits = DemoArchive.extract(work.resolve("demo.zip"), work.resolve("data"));
            List<LabeledImage> train = splits.train().subList(0, Math.min(count, splits.train().size()));
            List<LabeledImage> all = Stream.of(splits.train(), splits.validation(), splits.test()).flatMap(List::stream).toList();
            List<LabeledImage> embedSplit = all.subList(0, Math.min(embedCount, all.size()));
            int size = standard.imageSize();
            DecodedImages decoded = DecodedImages.decode(train, size);
            Path raw = work.resolve("images.u8");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(raw))) {
                decoded.writeRaw(o);
            }
            String missing = reference.unavailable();
            out.printf("data: %d demo training images, %d x %d px, batch %d, %d epochs; inference batch %d; %d rounds%n",
                    train.size(), size, size, batch, epochs, BatchedPredictor.DEFAULT_BATCH, runs);
            out.printf("machine: %d cores, %d intra-op threads and 1 inter-op thread on both sides; load %s%n",
                    Runtime.getRuntime().availableProcessors(), threads, load());
            out.printf("SpurLab: DJL %s on libtorch %s (%s); native runtime: %s%n", Engine.getDjlVersion(),
                    Engine.getInstance().getVersion(), Engine.getInstance().getEngineName(), NativeRuntime.prepare());
            out.printf("reference: %s%n", missing != null ? "not run: " + missing : reference.info()
                    + " (Debian's build; SpurLab's libtorch is newer: not the same kernels)");
            List<String> sides = new ArrayList<>(List.of(SPURLAB, PYTORCH));
            if (tuned) {
                sides.add(TUNED);
            }
            for (int round = 1; round <= runs; round++) {
                for (ClassifierNetwork network : ClassifierNetwork.values()) {
                    for (int s = 0; s < sides.size(); s++) {
                        String side = sides.get((s + round - 1) % sides.size());
                        if (side.equals(SPURLAB)) {
                            spurlab(round, network, splits, train, embedSplit, decoded, size, epochs, batch, work);
                        } else if (missing == null) {
                            pytorch(round, network, side, reference, raw, train.size(), size, splits.classNames().size(),
                                    batch, epochs, threads);
                        }
                    }
                }
            }
            summary(sides, missing == null);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private void spurlab(int round, ClassifierNetwork network, DemoSplits splits, List<LabeledImage> train,
            List<LabeledImage> embedSplit, DecodedImages decoded, int size, int epochs, int batch, Path work) {
        String before = load();
        TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), size, epochs, batch, 1e-3f, 1,
                MethodOptions.legacy().withNetwork(network));
        Path modelDir = work.resolve("model-" + network + "-" + round);
        TrainingResult result = new ClassifierTrainer().train(settings, train, List.of(), modelDir, TrainingProgress.NONE);
        try (BatchedPredictor predictor = BatchedPredictor.open(modelDir)) {
            // One pass to warm up (oneDNN's kernels for the folded network, the JIT), as the reference does.
            predictor.score(ImageInput.decoded(decoded), false);
            double infer = predictor.score(ImageInput.decoded(decoded), false).imagesPerSecond();
            double embed = predictor.score(ImageInput.files(embedSplit), true).imagesPerSecond();
            Scores test = predictor.score(ImageInput.files(splits.test()), false);
            long correct = 0;
            for (int i = 0; i < splits.test().size(); i++) {
                correct += test.predicted(i) == splits.test().get(i).label() ? 1 : 0;
            }
            record(network, SPURLAB, result.imagesPerSecond(), infer);
            series.computeIfAbsent(network + "/embed", k -> new ArrayList<>()).add(embed);
            out.printf(Locale.ROOT, "round %d %-6s %-11s train %7.1f infer %7.1f embed %7.1f img/s (%d files)"
                    + " | final loss %.6f, test accuracy %.4f | load %s -> %s%n", round, network, SPURLAB,
                    result.imagesPerSecond(), infer, embed, embedSplit.size(), result.finalLoss(),
                    (double) correct / splits.test().size(), before, load());
        }
    }

    private void pytorch(int round, ClassifierNetwork network, String side, ReferenceProcess reference, Path raw, int count,
            int size, int classes, int batch, int epochs, int threads) throws IOException, InterruptedException {
        String before = load();
        double[] r = reference.measure(List.of("--data", raw.toString(), "--count", String.valueOf(count), "--size",
                String.valueOf(size), "--classes", String.valueOf(classes), "--model", network.name(), "--batch",
                String.valueOf(batch), "--epochs", String.valueOf(epochs), "--threads", String.valueOf(threads),
                "--infer-batch", String.valueOf(BatchedPredictor.DEFAULT_BATCH), "--memory-format",
                side.equals(TUNED) ? "channels-last" : "nchw"), side.equals(TUNED) ? ReferenceProcess.TUNED_ENVIRONMENT : Map.of());
        record(network, side, r[0], r[1]);
        out.printf(Locale.ROOT, "round %d %-6s %-11s train %7.1f infer %7.1f img/s | load %s -> %s%n", round, network, side,
                r[0], r[1], before, load());
    }

    private void record(ClassifierNetwork network, String side, double train, double infer) {
        series.computeIfAbsent(network + "/" + side + "/train", k -> new ArrayList<>()).add(train);
        series.computeIfAbsent(network + "/" + side + "/infer", k -> new ArrayList<>()).add(infer);
    }

    private void summary(List<String> sides, boolean withReference) {
        out.printf("%-7s %-11s %28s %28s%n", "model", "side", "train img/s median [min-max]", "infer img/s median [min-max]");
        for (ClassifierNetwork network : ClassifierNetwork.values()) {
            for (String side : sides) {
                if (series.containsKey(network + "/" + side + "/train")) {
                    out.printf("%-7s %-11s %28s %28s%n", network, side, spread(network + "/" + side + "/train"),
                            spread(network + "/" + side + "/infer"));
                }
            }
        }
        for (ClassifierNetwork network : ClassifierNetwork.values()) {
            double embed = median(series.get(network + "/embed"));
            double train = median(series.get(network + "/" + SPURLAB + "/train"));
            out.printf(Locale.ROOT, "embed %-6s %s img/s from PNG files, decoding overlapped: %.2fx SpurLab's training %.1f img/s%n",
                    network, spread(network + "/embed"), embed / train, train);
        }
        if (!withReference) {
            return;
        }
        if (sides.contains(TUNED)) {
            out.println("vs the tuned reference (channels-last, the same malloc and OpenMP settings): " + ratios(TUNED).replace("ratio ", ""));
        }
        out.println(ratios(PYTORCH));
    }

    /** Medians over the rounds of SpurLab / {@code side}, each round's sides paired. */
    private String ratios(String side) {
        StringBuilder line = new StringBuilder("ratio");
        for (String phase : List.of("train", "infer")) {
            line.append(' ').append(phase);
            for (ClassifierNetwork network : ClassifierNetwork.values()) {
                List<Double> ours = series.get(network + "/" + SPURLAB + "/" + phase);
                List<Double> theirs = series.get(network + "/" + side + "/" + phase);
                List<Double> paired = new ArrayList<>();
                for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
                    paired.add(ours.get(i) / theirs.get(i));
                }
                line.append(String.format(Locale.ROOT, " %s=%.2f", network.name().toLowerCase(Locale.ROOT), median(paired)));
            }
        }
        return line.toString();
    }

    private String spread(String key) {
        List<Double> values = series.get(key);
        return String.format(Locale.ROOT, "%.1f [%.1f-%.1f]", median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
