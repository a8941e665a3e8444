package com.spurlab.inference.bench;

import com.spurlab.inference.cueset.CueKind;
import com.spurlab.inference.cueset.CueSample;
import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetGenerator;
import com.spurlab.inference.cueset.CueSetPreset;
import com.spurlab.inference.cueset.CueSetSpec;
import com.spurlab.inference.cueset.CueSetSplits;
import com.spurlab.inference.cueset.GeneratedCueSet;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.synth.CueValues;
import com.spurlab.inference.synth.SynthesisCue;
import com.spurlab.inference.synth.SynthesisQuality;
import com.spurlab.inference.synth.SynthesisRequest;
import com.spurlab.inference.synth.SynthesisResult;
import com.spurlab.inference.synth.SynthesizedItem;
import com.spurlab.inference.synth.Synthesizer;
import com.spurlab.inference.train.ClassifierTrainer;
import com.spurlab.inference.train.MethodOptions;
import com.spurlab.inference.train.TrainingMethod;
import com.spurlab.inference.train.TrainingProgress;
import com.spurlab.inference.train.TrainingSettings;
import java.awt.Graphics2D;
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
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * SYNTHESIZE on the shared generator's sets, in two parts.
 * <ul>
 *   <li>{@code speed}: 5 000 added images at 96 px (a background cue with manifest masks; a stamped word with its
 *       true boxes), images/s in wall and process CPU time with the load average;</li>
 *   <li>{@code wga}: BACKGROUND_MASKS (cue {@code attribute:background}, masks supplied) and STAMPED_WORD (cue
 *       {@code text:sale}, read by OCR: the image folders carry no attribute) at 64 px; the derived training split
 *       is the original plus the images SYNTHESIZE adds; ERM on the original, ERM on the derived, GroupDRO and DFR on
 *       the original (true groups), GroupDRO on the derived, over several seeds, with test worst-group accuracy and
 *       the quality figures (judged by the first GroupDRO model on the original).</li>
 * </ul>
 * <pre>bench/synthesize.sh [parts=speed,wga] [sets=background-masks,stamped-word] [seeds=3] [epochs=5] [train=500]
 *   [val=100] [test=200] [added=5000] [preview=DIR]</pre>
 */
public final class SynthesisBenchmark {

    private static final List<TrainingMethod> METHODS = List.of(TrainingMethod.ERM, TrainingMethod.GROUP_DRO,
            TrainingMethod.DFR);

    private SynthesisBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> a = Arrays.stream(args).map(s -> s.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        List<String> parts = List.of(a.getOrDefault("parts", "speed,wga").split(","));
        PrintStream out = System.out;
        Path work = Files.createTempDirectory("spurlab-synth-bench-");
        try {
            if (parts.contains("speed")) {
                int added = Integer.parseInt(a.getOrDefault("added", "5000"));
                speed(CueSetPreset.BACKGROUND_MASKS, added, work.resolve("speed-background"), out);
                speed(CueSetPreset.STAMPED_WORD, added, work.resolve("speed-word"), out);
            }
            if (parts.contains("wga")) {
                List<String> table = new ArrayList<>();
                for (String set : a.getOrDefault("sets", "background-masks,stamped-word").split(",")) {
                    table.addAll(wga(CueSetPreset.parse(set), a, work.resolve(set), out));
                }
                out.println();
                out.printf("%-16s %-18s %-24s %-24s%n", "set", "method", "test accuracy", "test worst-group accuracy");
                table.forEach(out::println);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    /** 5 000 new images at 96 px: images/s in wall and CPU time. */
    private static void speed(CueSetPreset preset, int added, Path dir, PrintStream out) throws IOException {
        // Enough training images that the two rare groups ask for more than {@code added}: the cap makes it exact.
        int perClass = (int) Math.ceil(added / 1.8);
        Data data = Data.of(preset.spec().withImageSize(96).withCounts(perClass, 10, 10), dir);
        SynthesisRequest request = SynthesisRequest.of(data.cueName()).withMaxAdded(added);
        CueValues values = data.trueValues();
        out.printf("%nspeed, %s at 96 px: %d training images, cue %s, %d cores, load %s%n", preset, data.train().size(),
                data.cueName(), Runtime.getRuntime().availableProcessors(), load());
        long cpu = cpuNanos();
        long start = System.nanoTime();
        SynthesisResult r = new Synthesizer().run(request, data.splits.classNames(), data.train(), values,
                dir.resolve("out"), SegmentationSettings.defaults(), null);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpuNanos() - cpu) / 1e9;
        out.printf("  %d images added in %.1f s wall (%.0f images/s), %.1f s CPU (%.0f images per CPU second);"
                        + " masks %d ms, donors %d ms, images %d ms, near-duplicate check %d ms; near-duplicates %.3f;"
                        + " load %s%n", r.items().size(), seconds, r.items().size() / seconds, cpuSeconds,
                r.items().size() / cpuSeconds, r.timings().masks(), r.timings().backgrounds(), r.timings().images(),
                r.timings().hashes(), r.nearDuplicates(), load());
        out.printf("  groups before %s, after %s%n", r.groupsBefore(), r.groupsAfter());
    }

    private static List<String> wga(CueSetPreset preset, Map<String, String> a, Path dir, PrintStream out) throws IOException {
        int seeds = Integer.parseInt(a.getOrDefault("seeds", "3"));
        int epochs = Integer.parseInt(a.getOrDefault("epochs", "5"));
        CueSetSpec spec = preset.spec().withImageSize(64).withCounts(Integer.parseInt(a.getOrDefault("train", "500")),
                Integer.parseInt(a.getOrDefault("val", "100")), Integer.parseInt(a.getOrDefault("test", "200")));
        Data data = Data.of(spec, dir);
        out.printf("%n%s %s, cue %s: %d train / %d val / %d test, 64 px, load %s%n", preset, data.splits.classNames(),
                data.cueName(), data.train().size(), data.splits.validation().size(), data.splits.test().size(), load());
        long start = System.nanoTime();
        long cpu = cpuNanos();
        // The word's values come from OCR, as in the product: the image folders carry no attribute.
        CueValues values = data.set.spec().cue() == CueKind.STAMPED_WORD
                ? CueValues.read(SynthesisCue.parse(data.cueName()), data.train(), dir.resolve("ocr"), n -> { })
                : data.trueValues();
        double cueSeconds = (System.nanoTime() - start) / 1e9;
        SynthesisResult r = new Synthesizer().run(SynthesisRequest.of(data.cueName()), data.splits.classNames(),
                data.train(), values, dir.resolve("synth"), SegmentationSettings.defaults(), null);
        out.printf("  cue values in %.1f s; %d images added in %.1f s wall, %.1f s CPU in all; groups before %s, after %s;"
                        + " near-duplicates %.3f%n", cueSeconds, r.items().size(), (System.nanoTime() - start) / 1e9,
                (cpuNanos() - cpu) / 1e9, r.groupsBefore(), r.groupsAfter(), r.nearDuplicates());
        r.report().forEach(line -> out.println("  " + line));
        if (a.containsKey("preview")) {
            preview(r, data, Path.of(a.get("preview")).resolve(preset.name().toLowerCase() + ".png"));
        }
        List<LabeledImage> added = r.items().stream().map(i -> new LabeledImage(i.itemId(), i.imageFile(), i.label(),
                data.truthGroup(i))).toList();
        List<LabeledImage> derived = new ArrayList<>(data.splits.train());
        derived.addAll(added);

        TrainingSettings base = new TrainingSettings(TrainingMethod.ERM, data.splits.classNames(), 64, epochs, 64, 1e-3f,
                1, MethodOptions.defaults());
        Map<String, List<EvaluationReport>> results = new LinkedHashMap<>();
        Path qualityModel = null;
        for (long seed = 1; seed <= seeds; seed++) {
            for (TrainingMethod method : METHODS) {
                Path model = train(base.withMethod(method).withSeed(seed), data.splits.train(), data, dir, "original");
                qualityModel = qualityModel == null && method == TrainingMethod.GROUP_DRO ? model : qualityModel;
                record(results, method + " original", test(model, data, seed), seed, out);
            }
            for (TrainingMethod method : List.of(TrainingMethod.ERM, TrainingMethod.GROUP_DRO)) {
                Path model = train(base.withMethod(method).withSeed(seed), derived, data, dir, "derived");
                record(results, method + " derived", test(model, data, seed), seed, out);
            }
        }
        SynthesisQuality.QualityFigures q = new SynthesisQuality(new ClassifierEvaluator()).measure(qualityModel,
                data.groupedTrain(values), added, 42);
        out.printf("  quality (GroupDRO model, seed 1): label consistency %.3f, Fréchet distance %.2f (real images of the"
                        + " same label with the other value: %.2f), diversity %.2f (real: %.2f); near-duplicates %.3f%n",
                q.labelConsistency(), q.frechetDistance(), q.frechetOtherValue(), q.diversity(), q.realDiversity(),
                r.nearDuplicates());
        List<String> rows = new ArrayList<>();
        results.forEach((name, reports) -> rows.add(String.format("%-16s %-18s %-24s %-24s", preset.name().toLowerCase(),
                name, interval(reports.stream().mapToDouble(EvaluationReport::accuracy).toArray()),
                interval(reports.stream().mapToDouble(EvaluationReport::worstGroupAccuracy).toArray()))));
        double gain = mean(results.get("ERM derived")) - mean(results.get("ERM original"));
        rows.add(String.format("%-16s %-18s worst-group gain of ERM derived over ERM original: %+.3f",
                preset.name().toLowerCase(), "", gain));
        return rows;
    }

    private static Path train(TrainingSettings settings, List<LabeledImage> train, Data data, Path dir, String on) {
        Path model = dir.resolve("model-" + on + "-" + settings.method() + "-" + settings.seed());
        new ClassifierTrainer().train(settings, train, data.splits.validation(), model, TrainingProgress.NONE);
        return model;
    }

    private static EvaluationReport test(Path model, Data data, long seed) {
        return GroupMetrics.evaluate(new ClassifierEvaluator().predict(model, data.splits.test()), seed);
    }

    private static void record(Map<String, List<EvaluationReport>> results, String name, EvaluationReport test, long seed,
            PrintStream out) {
        results.computeIfAbsent(name, k -> new ArrayList<>()).add(test);
        out.printf("  %-18s seed %d: test accuracy %.3f, worst-group %.3f [%.3f, %.3f] (%s), load %s%n", name, seed,
                test.accuracy(), test.worstGroupAccuracy(), test.worstGroupCiLow(), test.worstGroupCiHigh(),
                test.worstGroup(), load());
    }

    /** A contact sheet: each row a new image, its source and its donor, for a person to look at. */
    private static void preview(SynthesisResult r, Data data, Path file) {
        Map<String, Path> byId = new LinkedHashMap<>();
        data.set.samples().forEach(s -> byId.put(s.sampleId(), data.root.resolve(s.path())));
        List<SynthesizedItem> items = new ArrayList<>();
        for (String group : r.groupsAfter().keySet()) {
            r.items().stream().filter(i -> i.group().equals(group)).limit(6).forEach(items::add);
        }
        int side = 96;
        BufferedImage sheet = new BufferedImage(3 * side, Math.max(1, items.size()) * side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        for (int row = 0; row < items.size(); row++) {
            SynthesizedItem item = items.get(row);
            g.drawImage(ImageFiles.readRgb(item.imageFile()), 0, row * side, side, side, null);
            for (int k = 0; k < item.sources().size(); k++) {
                g.drawImage(ImageFiles.readRgb(byId.get(item.sources().get(k))), (k + 1) * side, row * side, side, side, null);
            }
        }
        g.dispose();
        ImageFiles.writePng(sheet, file);
    }

    /** A generated set unpacked, as EditSamples of its training split. */
    private record Data(GeneratedCueSet set, CueSetSplits splits, Path root) {

        static Data of(CueSetSpec spec, Path dir) throws IOException {
            GeneratedCueSet set = CueSetGenerator.write(CueSetGenerator.DEFAULT_SOURCE, dir.resolve("set.zip"), spec);
            Path root = dir.resolve("set");
            return new Data(set, CueSetArchive.extract(set, root), root);
        }

        String cueName() {
            return set.spec().cue() == CueKind.STAMPED_WORD ? "text:" + set.spec().word().toLowerCase()
                    : "attribute:" + set.attribute();
        }

        /** Training samples as the step hands them over: a manifest's attribute and mask, nothing for image folders. */
        List<EditSample> train() {
            boolean manifest = set.spec().cue() != CueKind.STAMPED_WORD;
            return set.samples("train").stream().map(s -> new EditSample(s.sampleId(), s.split(), root.resolve(s.path()),
                    s.label(), null, s.maskPath() == null ? null : root.resolve(s.maskPath()), s.caption(),
                    manifest ? Map.of(set.attribute(), s.cueValue()) : Map.of())).toList();
        }

        /** The true values and word boxes (for the speed part, which measures synthesis, not OCR). */
        CueValues trueValues() {
            SynthesisCue cue = SynthesisCue.parse(cueName());
            boolean word = set.spec().cue() == CueKind.STAMPED_WORD;
            Map<String, String> values = new LinkedHashMap<>();
            Map<String, List<TextBox>> boxes = new LinkedHashMap<>();
            for (CueSample s : set.samples("train")) {
                values.put(s.sampleId(), !word ? s.cueValue() : s.textBox() != null ? SynthesisCue.YES : SynthesisCue.NO);
                if (s.textBox() != null) {
                    boxes.put(s.sampleId(), List.of(new TextBox(s.sampleId(), s.word(), s.textBox().x(), s.textBox().y(),
                            s.textBox().width(), s.textBox().height())));
                }
            }
            return CueValues.of(cue, values, boxes);
        }

        /** An added image's group in the ground truth's words (stamped/plain for yes/no). */
        String truthGroup(SynthesizedItem item) {
            return splits.classNames().get(item.label()) + "|" + truthValue(item.value());
        }

        String truthValue(String value) {
            if (set.spec().cue() != CueKind.STAMPED_WORD) {
                return value;
            }
            return set.attributeValues().get(value.equals(SynthesisCue.YES) ? 0 : 1);
        }

        /** The real training images grouped by the values SYNTHESIZE read (what the quality figures compare with). */
        List<LabeledImage> groupedTrain(CueValues values) {
            return splits.train().stream().map(i -> new LabeledImage(i.sampleId(), i.imageFile(), i.label(),
                    splits.classNames().get(i.label()) + "|" + truthValue(values.valueOf(i.sampleId())))).toList();
        }
    }

    private static double mean(List<EvaluationReport> reports) {
        return reports.stream().mapToDouble(EvaluationReport::worstGroupAccuracy).average().orElse(Double.NaN);
    }

    private static String interval(double[] values) {
        return SeedInterval.of(values).toString();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
