package com.spurlab.inference.synth;

import com.spurlab.inference.data.PerceptualHash;
import com.spurlab.inference.edit.CounterfactualEditor;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNTHESIZE's engine: fills the label × cue-value groups of a training split that a cue leaves nearly empty
 * (see {@link FillPlan}) with new images made from the training images themselves — RECOMBINE:
 * <ul>
 *   <li>a background cue: a source of the group's label with another value keeps its foreground, laid on the
 *       inpainted background of a donor that shows the missing value (EDIT's REPLACE_BACKGROUND);</li>
 *   <li>a printed word, group without it: the word's OCR boxes inpainted away (EDIT's INPAINT);</li>
 *   <li>a printed word, group with it: a donor's word lifted off its background and laid on (ADD_CUE);</li>
 * </ul>
 * then augmented, so no new image is a near-copy of its source. Parallel over the cores; donors' backgrounds and
 * words are prepared once; no model is called per image. Writes only under the caller's folder.
 */
public final class Synthesizer {

    private static final Logger log = LoggerFactory.getLogger(Synthesizer.class);

    private final CounterfactualEditor editor = new CounterfactualEditor();

    public Synthesizer() {
    }

    /**
     * Makes the images.
     *
     * @param classNames   the version's labels, index = label of the samples
     * @param train        the training split (the groups are counted and the images made from it)
     * @param cue          every training sample's value of the cue (see {@link CueValues#read})
     * @param targetDir    {@code added/} and {@code masks/} are written under it; it must hold no source image
     * @param segmentation how a background cue's sources and donors without a manifest mask get one
     * @throws IllegalArgumentException when the cue shows fewer than two values, no image of a group's label can be
     *                                  used, a label is outside the class names, or the folder holds sources
     * @throws CancellationException    when {@code progress} asks to stop
     */
    public SynthesisResult run(SynthesisRequest request, List<String> classNames, List<EditSample> train, CueValues cue,
            Path targetDir, SegmentationSettings segmentation, SynthesisProgress progress) {
        SynthesisProgress listener = progress == null ? SynthesisProgress.NONE : progress;
        Objects.requireNonNull(cue, "cue");
        requireLabels(train, classNames);
        Path folder = targetDir.toAbsolutePath().normalize();
        requireApart(folder, train);
        FillPlan plan = FillPlan.of(request, classNames, train, cue);
        List<String> report = new ArrayList<>();
        if (plan.wanted() == 0) {
            report.add("every group already holds at least " + Math.round(request.targetShare() * 100)
                    + " % of its label's largest group: nothing to add");
            return result(request, cue, plan, List.of(), List.of(), Double.NaN, report, new SynthesisTimings(0, 0, 0, 0));
        }
        Ingredients in = Ingredients.prepare(plan, request, train, cue, segmentation, listener, editor);
        report.addAll(in.report);

        List<Job> jobs = jobs(in, request.seed(), report);
        ItemMaker maker = new ItemMaker(in, cue, request.augmentation(), folder, editor);
        ItemMaker.Made[] made = new ItemMaker.Made[jobs.size()];
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        IntStream.range(0, jobs.size()).parallel().forEach(i -> {
            if (listener.cancelled()) {
                throw new CancellationException("the synthesis was cancelled after " + done.get() + " of " + jobs.size()
                        + " images");
            }
            Job job = jobs.get(i);
            made[i] = maker.make(String.format("synth-%05d", i + 1), job.recipe(), job.source(),
                    itemSeed(request.seed(), i));
            listener.onProgress("images", done.incrementAndGet(), jobs.size());
        });
        long images = (System.nanoTime() - start) / 1_000_000;

        List<SynthesizedItem> items = new ArrayList<>();
        List<NearDuplicates.Look> looks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ItemMaker.Made m : made) {
            if (m.item() == null) {
                problems.add(m.problem());
            } else {
                items.add(m.item());
                looks.add(new NearDuplicates.Look(m.item().label(), m.hash()));
            }
        }
        if (!problems.isEmpty()) {
            report.add(problems.size() + " images could not be made, e.g. " + problems.get(0));
        }
        start = System.nanoTime();
        listener.onProgress("near-duplicates", 0, items.size());
        Set<Integer> labels = new HashSet<>();
        items.forEach(i -> labels.add(i.label()));
        List<NearDuplicates.Look> real = train.parallelStream().filter(s -> labels.contains(s.label()))
                .map(s -> new NearDuplicates.Look(s.label(), PerceptualHash.of(ImageFiles.readRgb(s.imageFile()))))
                .toList();
        double near = items.isEmpty() ? Double.NaN : (double) NearDuplicates.count(looks, real) / items.size();
        listener.onProgress("near-duplicates", items.size(), items.size());
        long hashes = (System.nanoTime() - start) / 1_000_000;
        SynthesisTimings timings = new SynthesisTimings(in.maskMillis, in.donorMillis, images, hashes);
        log.info("{}: {} images added in {} ms ({} images/s), near-duplicates {}", cue.cue().name(), items.size(),
                timings.total(), Math.round(items.size() * 1000.0 / Math.max(1, images)), near);
        return result(request, cue, plan, in.recipes, items, near, report, timings);
    }

    /**
     * Whether {@link #run} trains a segmentation network (records gradients): a background cue, a training image
     * without a manifest mask, no ONNX model, and enough manifest masks to train on.
     */
    public static boolean recordsGradients(SynthesisCue cue, List<EditSample> train, SegmentationSettings settings) {
        if (cue.region() != SynthesisCue.Region.BACKGROUND || settings.onnxModel() != null) {
            return false;
        }
        long masked = train.stream().filter(s -> s.maskFile() != null).count();
        return masked >= settings.minMasksToTrain() && masked < train.size();
    }

    /** One image to make: whose recipe, from which source. */
    private record Job(Ingredients.Recipe recipe, EditSample source) {
    }

    /** Each group's images from its sources in a seeded order, every source used once before any twice. */
    private static List<Job> jobs(Ingredients in, long seed, List<String> report) {
        List<Job> jobs = new ArrayList<>();
        for (Ingredients.Recipe r : in.recipes) {
            FillPlan.Fill f = r.fill();
            boolean needsDonor = !r.operation().equals("INPAINT");
            if (r.sources().isEmpty() || (needsDonor && r.donors().isEmpty())) {
                report.add(f.group() + ": none of the " + f.wanted() + " images could be made: " + (r.sources().isEmpty()
                        ? "no image of its label with another value of the cue can be used as a source"
                        : "no image shows the value " + f.value() + " to take " + (r.operation().equals("ADD_CUE")
                        ? "the word" : "a background") + " from"));
                continue;
            }
            List<EditSample> order = new ArrayList<>(r.sources());
            Collections.shuffle(order, new Random(itemSeed(seed, f.group().hashCode())));
            for (int k = 0; k < f.wanted(); k++) {
                jobs.add(new Job(r, order.get(k % order.size())));
            }
            if (f.wanted() > order.size()) {
                report.add(String.format("%s: %d images from %d sources (each used up to %d times, made different by"
                        + " donor and augmentation)", f.group(), f.wanted(), order.size(),
                        (f.wanted() + order.size() - 1) / order.size()));
            }
        }
        return jobs;
    }

    private static SynthesisResult result(SynthesisRequest request, CueValues cue, FillPlan plan,
            List<Ingredients.Recipe> recipes, List<SynthesizedItem> items, double near, List<String> report,
            SynthesisTimings timings) {
        Map<String, Integer> added = new LinkedHashMap<>();
        items.forEach(i -> added.merge(i.group(), 1, Integer::sum));
        Map<String, String> operations = new LinkedHashMap<>();
        recipes.forEach(r -> operations.put(r.fill().group(), r.operation()));
        List<GroupFill> fills = new ArrayList<>();
        Map<String, Integer> after = new LinkedHashMap<>();
        for (FillPlan.Fill f : plan.fills) {
            int n = added.getOrDefault(f.group(), 0);
            fills.add(new GroupFill(f.group(), f.label(), f.value(), f.before(), f.target(), n,
                    n == 0 ? null : operations.get(f.group())));
            after.put(f.group(), f.before() + n);
        }
        return new SynthesisResult(cue.cue().name(), cue.cue().attribute(), plan.values, plan.before, after, fills, items,
                near, report, timings);
    }

    /** A per-item seed: distinct for every item of a run, stable across runs with the same seed (SplitMix64). */
    static long itemSeed(long seed, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void requireLabels(List<EditSample> train, List<String> classNames) {
        for (EditSample s : train) {
            if (s.label() < 0 || s.label() >= classNames.size()) {
                throw new IllegalArgumentException("sample " + s.sampleId() + " has label " + s.label() + " but the class"
                        + " names are " + classNames);
            }
        }
    }

    private static void requireApart(Path folder, List<EditSample> train) {
        for (EditSample s : train) {
            for (Path source : new Path[] {s.imageFile(), s.maskFile()}) {
                Path p = source == null ? null : source.toAbsolutePath().normalize();
                if (p != null && (p.startsWith(folder.resolve("added")) || p.startsWith(folder.resolve("masks")))) {
                    throw new IllegalArgumentException("the target folder " + folder + " holds source file " + source
                            + " of sample " + s.sampleId() + ": give an empty folder of its own, sources are never written");
                }
            }
        }
    }
}
