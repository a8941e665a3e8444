package com.spurlab.inference.bench;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.SpuriousFashionMnist;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;

/**
 * EXTRACT with every source on a 96 px background-cue set with captions and masks (1 000 test images,
 * half per class): trains a CNN once, then runs {@code score + extract} several times, each with a
 * fresh OCR cache (so every run reads text), and a last run on the warm cache. Prints per run the wall
 * time, process CPU time, OCR ms/image, saliency time, heap peak and resident set size, plus the load
 * average, so a reader can tell a slow machine from a slow method.
 *
 * <p>Run: {@code bench/extract.sh [runs=4] [images=1000] [size=96] [epochs=2]} (the script sets -Xmx1g).
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
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "2"));
        PrintStream out = System.out;
        out.printf("load average at start: %s%n", loadAverage());
        Path work = Files.createTempDirectory("spurlab-extract-bench-");
        Path zip = work.resolve("set.zip");
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, zip,
                new DemoSpec(List.of(0, 3), 1000, 50, images / 2, 0.95, size, 42L));
        Map<String, List<ExtractionSample>> splits = unpack(zip, work.resolve("data"));
        List<String> classNames = List.of("t-shirt", "dress");
        List<ExtractionSample> test = splits.get("test");
        List<ExtractionSample> train = splits.get("train");
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

    /** The demo manifest ({@code image,label,split,caption,mask,attr:background}) as EXTRACT samples per split. */
    private static Map<String, List<ExtractionSample>> unpack(Path zip, Path root) throws IOException {
        Map<String, List<ExtractionSample>> splits = new HashMap<>();
        List<String> labels = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (var entries = file.entries(); entries.hasMoreElements();) {
                var entry = entries.nextElement();
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                Files.createDirectories(target.getParent());
                try (var in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
        List<String> lines = Files.readAllLines(root.resolve("manifest.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            if (!labels.contains(f[1])) {
                labels.add(f[1]);
            }
            String id = f[0].substring(f[0].lastIndexOf('/') + 1).replace(".png", "");
            splits.computeIfAbsent(f[2], s -> new ArrayList<>()).add(new ExtractionSample(id, root.resolve(f[0]),
                    labels.indexOf(f[1]), f[3], Map.of("background", f[5]), root.resolve(f[4])));
        }
        return splits;
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
