package com.spurlab.inference.bench;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.demo.DemoArchive;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.DemoSplits;
import com.spurlab.inference.demo.SpuriousFashionMnist;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * EDIT's speed: edits per second of each operation on 96 px images (in memory, one thread and all
 * cores), the learned segmentation network's training time and ms/image (and an ONNX model's with
 * {@code onnx=<file>}), and a whole confirmation run of 1 000 edits with their controls and
 * predictions. Prints the machine's load average with every figure: on a shared machine they are noisy.
 *
 * <pre>bench/edit.sh [images=1000] [size=96] [epochs=1] [masks=200] [segEpochs=8] [onnx=FILE]</pre>
 */
public final class EditBenchmark {

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
        DemoSpec spec = new DemoSpec(List.of(0, 3), 400, 50, images / 2, 0.95, size, 42L);
        SpuriousFashionMnist.write(SpuriousFashionMnist.DEFAULT_SOURCE, work.resolve("set.zip"), spec);
        DemoSplits splits = DemoArchive.extract(work.resolve("set.zip"), work.resolve("set"));
        List<EditSample> samples = new ArrayList<>();
        add(samples, splits.train(), "train");
        add(samples, splits.validation(), "val");
        add(samples, splits.test(), "test");
        out.printf("data: %d train / %d val / %d test images of %d px (background cue with masks)%n",
                splits.train().size(), splits.validation().size(), splits.test().size(), size);

        operations(samples.stream().filter(s -> s.split().equals("test")).limit(200).toList(), out);
        segmentation(samples, masks, segEpochs, a.get("onnx"), out);

        TrainingSettings settings = new TrainingSettings(TrainingMethod.ERM, splits.classNames(), size, epochs, 64, 3e-3f,
                1L, MethodOptions.defaults());
        long t0 = System.nanoTime();
        Path model = new ClassifierTrainer().train(settings, splits.train(), splits.validation(), work.resolve("erm"),
                TrainingProgress.NONE).modelDir();
        out.printf("ERM model for the run: %d epoch(s) in %.1f s (not part of the figure below)%n", epochs, secs(t0));
        t0 = System.nanoTime();
        EditResult r = new CueConfirmation(new ClassifierEvaluator()).run(EditRequest.of(1, "attribute:background",
                EditOperation.REPLACE_BACKGROUND), samples, List.of(), model, work.resolve("edits"),
                SegmentationSettings.defaults(), EditProgress.NONE);
        double seconds = secs(t0);
        out.printf("confirmation run: %d REPLACE_BACKGROUND edits + %d controls + %d predictions in %.1f s"
                + " (target < 60 s)  [load %s]%n", r.n(), r.controlN(), r.n() * 2 + r.pairs().stream()
                .filter(p -> p.controlFile() != null).count(), seconds, load());
        out.printf("  flip rate %.3f [%.3f, %.3f] vs control %.3f -> %s%n", r.flipRate(), r.ciLow(), r.ciHigh(),
                r.controlFlipRate(), r.confirmed() ? "confirmed" : "not confirmed");
        out.printf("load at end: %s%n", load());
    }

    private static void operations(List<EditSample> test, PrintStream out) {
        CounterfactualEditor editor = new CounterfactualEditor();
        List<BufferedImage> images = test.stream().map(s -> ImageFiles.readRgb(s.imageFile())).toList();
        List<RegionMask> fg = test.stream().map(s -> RegionMask.read(s.maskFile())).toList();
        int n = images.size();
        int w = images.get(0).getWidth();
        int h = images.get(0).getHeight();
        // A stamped word's size at 96 px: about 40 % of the width, 15 % of the height, placed at random.
        Random random = new Random(5);
        int bw = Math.max(2, w * 2 / 5);
        int bh = Math.max(2, h * 3 / 20);
        List<TextBox> boxes = IntStream.range(0, n).mapToObj(i -> new TextBox("s" + i, "word",
                random.nextInt(w - bw), random.nextInt(h - bh), bw, bh)).toList();
        Map<String, IntConsumer> ops = new LinkedHashMap<>();
        ops.put("REMOVE_BACKGROUND", i -> editor.removeBackground(images.get(i), fg.get(i), CounterfactualEditor.NEUTRAL));
        ops.put("REPLACE_BACKGROUND (donor inpainted each time)", i -> editor.replaceBackground(images.get(i), fg.get(i),
                images.get((i + 1) % n), fg.get((i + 1) % n)));
        ops.put("INPAINT (a word-sized box)", i -> editor.inpaint(images.get(i), RegionMask.ofBoxes(w, h,
                List.of(boxes.get(i)), 2)));
        ops.put("ADD_CUE (crop + paste)", i -> {
            TextBox b = boxes.get(i);
            editor.paste(images.get(i), editor.crop(images.get((i + 1) % n), b.x(), b.y(), b.width(), b.height()),
                    boxes.get((i + 2) % n).x(), boxes.get((i + 2) % n).y());
        });
        out.printf("operations on %d images of %dx%d px, in memory (no PNG I/O):%n", n, w, h);
        for (Map.Entry<String, IntConsumer> op : ops.entrySet()) {
            IntStream.range(0, Math.min(20, n)).forEach(op.getValue());
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

    private static void add(List<EditSample> samples, List<LabeledImage> images, String split) {
        for (LabeledImage i : images) {
            Path root = i.imageFile().getParent().getParent().getParent();
            Path mask = root.resolve("masks").resolve(split).resolve(i.imageFile().getFileName());
            samples.add(new EditSample(i.sampleId(), split, i.imageFile(), i.label(), i.group(), mask, null,
                    Map.of(SpuriousFashionMnist.ATTRIBUTE, i.group().substring(i.group().indexOf('|') + 1))));
        }
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
