package com.spurlab.inference.bench;

import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.data.PixelBox;
import com.spurlab.inference.edit.CounterfactualEditor;
import com.spurlab.inference.edit.CueConfirmation;
import com.spurlab.inference.edit.EditOperation;
import com.spurlab.inference.edit.EditProgress;
import com.spurlab.inference.edit.EditRequest;
import com.spurlab.inference.edit.EditResult;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.LearnedSegmentation;
import com.spurlab.inference.edit.mask.OnnxSegmentation;
import com.spurlab.inference.edit.mask.RegionMask;
import com.spurlab.inference.edit.mask.SampleImage;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * EDIT's speed on the shared generator's sets at 96 px (BACKGROUND_MASKS for the background
 * operations, STAMPED_WORD with its true word boxes for INPAINT and ADD_CUE): edits per second of each
 * operation (in memory, one thread and all cores), the learned segmentation network's training time
 * and ms/image (and an ONNX model's with {@code onnx=<file>}), and two whole confirmation runs of
 * 1 000 test images each (REPLACE_BACKGROUND, INPAINT) with their controls and predictions. Prints
 * the machine's load average with every figure: on a shared machine they are noisy.
 *
 * <pre>bench/edit.sh [images=1000] [size=96] [epochs=1] [masks=200] [segEpochs=8] [onnx=FILE] [parts=ops,seg,runs]</pre>
 */
public final class EditBenchmark {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private EditBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arrays.stream(args).map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        int images = Integer.parseInt(a.getOrDefault("images", "1000"));
        int size = Integer.parseInt(a.getOrDefault("size", "96"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "1"));
        int masks = Integer.parseInt(a.getOrDefault("masks", "200"));
        int segEpochs = Integer.parseInt(a.getOrDefault("segEpochs", "8"));
        PrintStream out = System.out;
        out.printf("load at start: %s%n", load());
        Path work = Files.createTempDirectory("spurlab-edit-bench-");
        Data background = Data.of(CueSetPreset.BACKGROUND_MASKS.spec().withImageSize(size).withCounts(400, 50, images / 2),
                work.resolve("background"));
        Data word = Data.of(CueSetPreset.STAMPED_WORD.spec().withImageSize(size).withCounts(400, 50, images / 2),
                work.resolve("word"));
        out.printf("data: %s and %s, %d train / %d test images each, %d px%n", background.set.labels(), word.set.labels(),
                background.splits.train().size(), background.splits.test().size(), size);

        List<String> parts = List.of(a.getOrDefault("parts", "ops,seg,runs").split(","));
        if (parts.contains("ops")) {
            operations(background.test().stream().limit(200).toList(), word, out);
        }
        if (parts.contains("seg")) {
            segmentation(background.samples, masks, segEpochs, a.get("onnx"), out);
        }
        if (parts.contains("runs")) {
            confirmation(background, "attribute:background", EditOperation.REPLACE_BACKGROUND, List.of(), epochs, work,
                    out);
            confirmation(word, "text:sale", EditOperation.INPAINT, word.boxes(), epochs, work, out);
        }
        out.printf("load at end: %s%n", load());
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** An ERM model of the set (its training time is not part of the figure), then one timed confirmation run. */
    private static void confirmation(Data data, String cue, EditOperation operation, List<TextBox> boxes, int epochs,
            Path work, PrintStream out) {
        TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, data.splits.classNames(),
                data.set.spec().imageSize(), epochs, 64, 3e-3f, 1L, MethodOptions.defaults());
        long t0 = System.nanoTime();
        Path model = new ClassifierTrainer().train(settings, data.splits.train(), data.splits.validation(),
                work.resolve(operation + "-erm"), TrainingProgress.NONE).modelDir();
        out.printf("ERM model of %s: %d epoch(s) in %.1f s (not part of the figure below)%n", data.set.labels(), epochs,
                secs(t0));
        t0 = System.nanoTime();
        long cpu0 = cpuNanos();
        EditResult r = new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1, cue, operation),
                data.samples, boxes, model, work.resolve(operation + "-edits"), SegmentationSettings.defaults(),
                EditProgress.NONE);
        double seconds = secs(t0);
        double cpu = (cpuNanos() - cpu0) / 1e9;
        long controls = r.pairs().stream().filter(p -> p.controlFile() != null).count();
        out.printf("confirmation run, %s of %s: %d edits + %d controls, %d predictions in %.1f s wall, %.1f s of CPU"
                + " (all threads; an idle %d-core machine needs at least %.1f s)  [load %s]%n", operation, cue, r.n(),
                controls, r.n() * 2 + controls, seconds, cpu, CORES, cpu / CORES, load());
        out.printf("  flip rate %.3f [%.3f, %.3f] vs control %.3f -> %s%n", r.flipRate(), r.ciLow(), r.ciHigh(),
                r.controlFlipRate(), r.confirmed() ? "confirmed" : "not confirmed");
    }

    private static void operations(List<EditSample> test, Data word, PrintStream out) {
        CounterfactualEditor editor = new CounterfactualEditor();
        List<BufferedImage> images = test.stream().map(s -> ImageFiles.readRgb(s.imageFile())).toList();
        List<RegionMask> fg = test.stream().map(s -> RegionMask.read(s.maskFile())).toList();
        List<EditSample> stamped = word.test().stream().filter(s -> !word.boxesOf(s.sampleId()).isEmpty()).limit(200)
                .toList();
        List<BufferedImage> stampedImages = stamped.stream().map(s -> ImageFiles.readRgb(s.imageFile())).toList();
        int n = images.size();
        int m = stamped.size();
        int w = images.get(0).getWidth();
        int h = images.get(0).getHeight();
        Map<String, IntConsumer> ops = new LinkedHashMap<>();
        ops.put("REMOVE_BACKGROUND", i -> editor.removeBackground(images.get(i % n), fg.get(i % n),
                CounterfactualEditor.NEUTRAL));
        ops.put("REPLACE_BACKGROUND (donor inpainted each time)", i -> editor.replaceBackground(images.get(i % n),
                fg.get(i % n), images.get((i + 1) % n), fg.get((i + 1) % n)));
        ops.put("INPAINT (the stamped word's box)", i -> editor.inpaint(stampedImages.get(i % m), RegionMask.ofBoxes(w,
                h, word.boxesOf(stamped.get(i % m).sampleId()).stream().map(TextBox::box).toList(), 2)));
        ops.put("ADD_CUE (the word's crop pasted)", i -> {
            PixelBox b = word.boxesOf(stamped.get(i % m).sampleId()).get(0).box();
            editor.paste(images.get(i % n), editor.crop(stampedImages.get(i % m), b.x(), b.y(), b.width(), b.height()),
                    (i * 7) % (w - b.width() + 1), (i * 5) % (h - b.height() + 1));
        });
        out.printf("operations on %dx%d px images, in memory (no PNG I/O), %d each:%n", w, h, n);
        for (Map.Entry<String, IntConsumer> op : ops.entrySet()) {
            IntStream.range(0, 20).forEach(op.getValue());
            long t0 = System.nanoTime();
            IntStream.range(0, n).forEach(op.getValue());
            double one = n / secs(t0);
            t0 = System.nanoTime();
            IntStream.range(0, n).parallel().forEach(op.getValue());
            double all = n / secs(t0);
            out.printf("  %-48s %8.0f edits/s on 1 thread, %8.0f on %d cores  [load %s]%n", op.getKey(), one, all,
                    Runtime.getRuntime().availableProcessors(), load());
        }
    }

    private static void segmentation(List<EditSample> samples, int masks, int epochs, String onnx, PrintStream out) {
        List<SampleImage> masked = samples.stream().filter(s -> s.split().equals("train")).limit(masks)
                .map(s -> new SampleImage(s.sampleId(), s.imageFile(), s.maskFile())).toList();
        List<EditSample> test = samples.stream().filter(s -> s.split().equals("test")).limit(500).toList();
        List<BufferedImage> images = test.stream().map(s -> ImageFiles.readRgb(s.imageFile())).toList();
        List<RegionMask> truth = test.stream().map(s -> RegionMask.read(s.maskFile())).toList();
        SegmentationSettings settings = new SegmentationSettings(null, 20, 64, epochs, masks, 42L);
        try (LearnedSegmentation net = LearnedSegmentation.train(masked, settings, TrainingProgress.NONE)) {
            LearnedSegmentation.Figures f = net.figures();
            out.printf("segmentation network: trained on %d masks (64 px, %d epochs) in %.1f s, held-out IoU %.3f"
                    + "  [load %s]%n", f.trainedOn(), f.epochs(), f.seconds(), f.heldOutIou(), load());
            net.predict(images.subList(0, 16));
            long t0 = System.nanoTime();
            List<RegionMask> predicted = net.predict(images);
            double ms = secs(t0) * 1000 / images.size();
            out.printf("  predicts %.2f ms/image (batches of 64, %d test images), test IoU %.3f  [load %s]%n", ms,
                    images.size(), meanIou(predicted, truth), load());
        }
        if (onnx != null && !onnx.isBlank()) {
            try (OnnxSegmentation model = OnnxSegmentation.open(Path.of(onnx))) {
                model.predict(images.get(0));
                long t0 = System.nanoTime();
                List<RegionMask> predicted = images.stream().map(model::predict).toList();
                out.printf("ONNX model %s: %.2f ms/image, test IoU %.3f  [load %s]%n", onnx,
                        secs(t0) * 1000 / images.size(), meanIou(predicted, truth), load());
            }
        }
    }

    private static double meanIou(List<RegionMask> predicted, List<RegionMask> truth) {
        return IntStream.range(0, predicted.size()).mapToDouble(i -> predicted.get(i).iou(truth.get(i))).average()
                .orElse(Double.NaN);
    }

    /** A generated set, unpacked, as EditSamples with its ground truth (masks, the word's boxes). */
    private record Data(GeneratedCueSet set, CueSetSplits splits, List<EditSample> samples, List<TextBox> boxes) {

        static Data of(CueSetSpec spec, Path dir) throws IOException {
            GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("set.zip"), spec);
            Path root = dir.resolve("set");
            CueSetSplits splits = CueSetArchive.extract(set, root);
            List<EditSample> samples = new ArrayList<>();
            List<TextBox> boxes = new ArrayList<>();
            for (CueSample s : set.samples()) {
                samples.add(new EditSample(s.sampleId(), s.split(), root.resolve(s.path()), s.label(), s.group(),
                        s.maskPath() == null ? null : root.resolve(s.maskPath()), null, Map.of(set.attribute(),
                        s.cueValue())));
                if (s.textBox() != null) {
                    boxes.add(new TextBox(s.sampleId(), s.word(), s.textBox().x(), s.textBox().y(), s.textBox().width(),
                            s.textBox().height()));
                }
            }
            return new Data(set, splits, samples, boxes);
        }

        List<EditSample> test() {
            return samples.stream().filter(s -> s.split().equals("test")).toList();
        }

        List<TextBox> boxesOf(String sampleId) {
            return boxes.stream().filter(b -> b.sampleId().equals(sampleId)).toList();
        }
    }

    /** CPU time of this process so far (all threads, native ones included): less noisy than wall time under load. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
