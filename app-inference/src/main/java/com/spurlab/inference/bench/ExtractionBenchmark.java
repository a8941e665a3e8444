package com.spurlab.inference.bench;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.cueset.ArchiveLayout;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.ScoredSamples;
import com.spurlab.inference.extract.Cue;
import com.spurlab.inference.extract.CueExtractor;
import com.spurlab.inference.extract.CueReport;
import com.spurlab.inference.extract.CueSource;
import com.spurlab.inference.extract.ExtractionRequest;
import com.spurlab.inference.extract.ExtractionSample;
import com.spurlab.inference.extract.ExtractionSettings;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * EXTRACT with every source on a generated cue set of 96 px images (1 000 test images, half per class;
 * {@code set=stamped-word}: a printed word, image folders only; {@code set=background-masks}: background
 * colour with captions and masks): trains a CNN once, then runs {@code score + extract} several times,
 * each with a fresh OCR cache (so every run reads text), and a last run on the warm cache. Prints per
 * run the wall time, process CPU time, OCR ms/image, saliency time, heap peak and resident set size,
 * plus the load average, so a reader can tell a slow machine from a slow method.
 *
 * <p>Run: {@code bench/extract.sh [set=stamped-word] [runs=4] [images=1000] [size=96] [epochs=3]} (the script
 * sets -Xmx1g).
 */
public final class ExtractionBenchmark {

    private ExtractionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arrays.stream(args).map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        int runs = Integer.parseInt(a.getOrDefault("runs", "4"));
        int images = Integer.parseInt(a.getOrDefault("images", "1000"));
        int size = Integer.parseInt(a.getOrDefault("size", "96"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "3"));
        CueSetPreset preset = CueSetPreset.parse(a.getOrDefault("set", "stamped-word"));
        PrintStream out = System.out;
        out.printf("load average at start: %s%n", loadAverage());
        Path work = Files.createTempDirectory("spurlab-extract-bench-");
        CueSetSpec spec = preset.spec().withCounts(1000, 50, images / 2).withImageSize(size);
        GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, work.resolve("set.zip"), spec);
        Path data = work.resolve("data");
        CueSetSplits splits = CueSetArchive.extract(set, data);
        List<String> classNames = splits.classNames();
        List<ExtractionSample> test = samples(set, "test", data);
        List<ExtractionSample> train = samples(set, "train", data);
        out.printf("set %s: %s, %d train / %d test images of %d px%n", preset, spec.format().layout(), train.size(),
                test.size(), size);
        Path modelDir = work.resolve("model");
        long trainStart = System.nanoTime();
        new ClassifierTrainer().train(new TrainingSettings(TrainingMethod.ERM, classNames, size, epochs, 64, 1e-3f, 42L),
                images(train), List.of(), modelDir, null);
        out.printf("trained the CNN on %d images of %d px for %d epochs in %.1f s (not part of EXTRACT)%n", train.size(), size,
                epochs, (System.nanoTime() - trainStart) / 1e9);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> rss = new ArrayList<>();
        for (int run = 1; run <= runs + 1; run++) {
            boolean warm = run == runs + 1;
            Path cache = work.resolve("ocr-" + (warm ? runs : run));
            resetHeapPeaks();
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            ScoredSamples scored = new ClassifierEvaluator().score(modelDir, images(test));
            CueReport report = new CueExtractor().extract(new ExtractionRequest("test", test, scored, train, classNames,
                    modelDir, CueSource.all(), cache, ExtractionSettings.defaults()), null).report();
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
            rss.add(residentMb());
            CueReport.Timings t = report.timings();
            out.printf("run %d%s: %d images, total %.1f s (CPU %.1f s), OCR %d read %d cached, %.1f ms/image read,"
                    + " saliency %.1f s, heap peak %.0f MB, RSS %.0f MB, load %s%n", run, warm ? " (warm OCR cache)" : "",
                    test.size(), seconds, cpuSeconds, t.ocrImagesRead(), t.ocrImagesCached(), t.ocrMillisPerImage(),
                    t.saliencyMillis() / 1e3, heapPeakMb(), rss.get(rss.size() - 1), loadAverage());
            if (run == 1) {
                for (Cue c : report.cues().subList(0, Math.min(5, report.cues().size()))) {
                    out.printf("  #%d %-32s %-9s label %-8s n %4d error %.2f lift %6.2f [%.2f, %.2f] score %.3f%n", c.rank(),
                            c.cue(), c.kind(), c.label(), c.n(), c.errorRate(), c.lift(), c.ciLow(), c.ciHigh(), c.score());
                }
            }
        }
        out.printf("RSS after each run (MB): %s; growth from run 2 to run %d: %.0f MB; peak RSS (VmHWM) %.0f MB%n",
                rss.stream().map(v -> String.format("%.0f", v)).toList(), runs, rss.get(runs - 1) - rss.get(Math.min(1, runs - 1)),
                status("VmHWM:") / 1024.0);
    }

    private static List<LabeledImage> images(List<ExtractionSample> samples) {
        return samples.stream().map(s -> new LabeledImage(s.sampleId(), s.imageFile(), s.label(), null)).toList();
    }

    /** What an upload of the set's layout gives EXTRACT: image folders carry no caption, mask or attribute. */
    private static List<ExtractionSample> samples(GeneratedCueSet set, String split, Path root) {
        boolean manifest = set.spec().format().layout() == ArchiveLayout.MANIFEST;
        List<ExtractionSample> samples = new ArrayList<>();
        for (CueSample s : set.samples(split)) {
            samples.add(manifest
                    ? new ExtractionSample(s.sampleId(), root.resolve(s.path()), s.label(), s.caption(),
                            Map.of(set.attribute(), s.cueValue()), s.maskPath() == null ? null : root.resolve(s.maskPath()))
                    : new ExtractionSample(s.sampleId(), root.resolve(s.path()), s.label(), null, Map.of(), null));
        }
        return samples;
    }

    private static void resetHeapPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static double heapPeakMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1048576.0;
    }

    private static double residentMb() {
        return status("VmRSS:") / 1024.0;
    }

    private static long status(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/self/status (Linux only)", e);
        }
        throw new IllegalStateException("no " + key + " line in /proc/self/status");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
