package com.spurlab.inference.edit;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.edit.EditPlan.Target;
import com.spurlab.inference.edit.mask.ForegroundMasks;
import com.spurlab.inference.edit.mask.MaskSource;
import com.spurlab.inference.edit.mask.ResolvedMask;
import com.spurlab.inference.edit.mask.SampleImage;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.train.TrainingProgress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ASPIRE's confirmation test made rigorous: every image of a split that carries the cue (for
 * ADD_CUE: every image of the other labels that lacks it) is edited so that only the cue changes,
 * and again by a control edit that changes the same pixels but keeps the cue (see {@link ItemEdits});
 * the model predicts originals, edits and controls; the flip rate among correctly classified
 * originals gets a Wilson 95 % interval, and the cue is confirmed when that interval starts above the
 * control's flip rate by the margin. Writes PNGs under the caller's folder only; never writes a source file.
 */
public final class CueConfirmation {

    private static final Logger log = LoggerFactory.getLogger(CueConfirmation.class);
    private static final int REPORT_LINES = 20;

    private final ClassifierEvaluator evaluator;

    public CueConfirmation(ClassifierEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * Edits, predicts and judges.
     *
     * @param samples      every sample of the version (all splits: the training split tells which label a cue goes
     *                     with, and its masks may teach a segmentation network)
     * @param textBoxes    words read in the images (EXTRACT's OCR); needed for {@code text:} cues, else may be empty
     * @param modelDir     a classifier saved by {@code ClassifierTrainer}
     * @param targetDir    where {@code edited/} and {@code control/} PNGs go; must not hold the sources
     * @param segmentation how samples without a manifest mask get one (background cues only)
     * @throws IllegalArgumentException when the cue cannot be read, does not suit the operation, names no sample,
     *                                  or no image can get the region its edit needs (the message says what to supply)
     * @throws CancellationException    when {@code progress} asks to stop
     */
    public EditResult run(EditRequest request, List<EditSample> samples, List<TextBox> textBoxes, Path modelDir,
            Path targetDir, SegmentationSettings segmentation, EditProgress progress) {
        EditProgress listener = progress == null ? EditProgress.NONE : progress;
        EditPlan plan = EditPlan.of(request, samples, textBoxes);
        Path out = targetDir.toAbsolutePath().normalize();
        requireApart(out, samples);
        List<String> report = new ArrayList<>();
        Map<String, ResolvedMask> masks = plan.cue.isBackground()
                ? masks(plan, samples, segmentation, listener, report) : Map.of();

        // Originals first: only correctly classified ones count, so only they get a control edit.
        int total = plan.targets.size();
        List<LabeledImage> originals = plan.targets.stream().map(t -> labeled(t.sample(), t.sample().imageFile())).toList();
        listener.onProgress("predictions", 0, total);
        List<Prediction> before = evaluator.predict(modelDir, originals);
        listener.onProgress("predictions", total, total);

        ItemEdits edits = new ItemEdits(plan, masks, out);
        ItemEdits.Outcome[] outcomes = new ItemEdits.Outcome[total];
        AtomicInteger done = new AtomicInteger();
        // Each item's choices come from its own seed, so the parallel order does not change the result.
        IntStream.range(0, total).parallel().forEach(i -> {
            if (listener.cancelled()) {
                throw new CancellationException("the edit run was cancelled after " + done.get() + " of " + total + " edits");
            }
            outcomes[i] = edits.edit(plan.targets.get(i), itemSeed(request.seed(), i), before.get(i).correct());
            listener.onProgress("edits", done.incrementAndGet(), total);
        });

        List<String> skipped = new ArrayList<>();
        List<String> noControl = new ArrayList<>();
        List<ItemEdits.Outcome> made = new ArrayList<>();
        List<Prediction> madeBefore = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            ItemEdits.Outcome o = outcomes[i];
            if (o.item() == null) {
                skipped.add(o.problem());
            } else {
                made.add(o);
                madeBefore.add(before.get(i));
                if (o.controlProblem() != null) {
                    noControl.add(o.controlProblem());
                }
            }
        }
        report.addAll(FlipFigures.capped(skipped, REPORT_LINES));
        if (!noControl.isEmpty()) {
            report.add(noControl.size() + " correctly classified originals have no control edit: " + noControl.get(0));
        }
        if (made.isEmpty()) {
            throw new IllegalArgumentException("none of the " + total + " images of split " + request.split()
                    + " could be edited: " + String.join("; ", FlipFigures.capped(skipped, 3)));
        }
        List<EditedPair> pairs = predictPairs(modelDir, made, madeBefore, listener);
        List<EditedItem> items = made.stream().map(ItemEdits.Outcome::item).toList();
        EditResult result = FlipFigures.of(request, pairs, items, report);
        log.info("{} of {} on split {}: {} edited, flip rate {} [{}, {}] vs control {} -> {}", request.operation(),
                request.cue(), request.split(), result.n(), fmt(result.flipRate()), fmt(result.ciLow()),
                fmt(result.ciHigh()), fmt(result.controlFlipRate()), result.confirmed() ? "confirmed" : "not confirmed");
        return result;
    }

    /**
     * Whether {@link #run} with these arguments trains a segmentation network (records gradients): a
     * background cue, an image of the split without a manifest mask, no ONNX model, and enough masks to
     * train on. The EDIT step declares the process's exclusive training slot exactly then; without it,
     * the run still works but waits for the slot while a training runs.
     *
     * @throws IllegalArgumentException as {@link #run} does for a cue it cannot plan
     */
    public static boolean recordsGradients(EditRequest request, List<EditSample> samples, SegmentationSettings settings) {
        if (!EditCue.parse(request.cue()).isBackground() || settings.onnxModel() != null) {
            return false;
        }
        EditPlan plan = EditPlan.of(request, samples, List.of());
        long masked = samples.stream().filter(s -> s.maskFile() != null).count();
        return masked >= settings.minMasksToTrain() && plan.needingMasks().stream().anyMatch(s -> s.maskFile() == null);
    }

    private Map<String, ResolvedMask> masks(EditPlan plan, List<EditSample> samples, SegmentationSettings settings,
            EditProgress listener, List<String> report) {
        List<SampleImage> pool = samples.stream().map(CueConfirmation::image).toList();
        List<SampleImage> needed = plan.needingMasks().stream().map(CueConfirmation::image).toList();
        TrainingProgress training = new TrainingProgress() {
            @Override
            public void onProgress(int epoch, int epochs, int step, int steps, double loss, double accuracy) {
                listener.onProgress("segmentation", (epoch - 1) * steps + step, epochs * steps);
            }

            @Override
            public boolean cancelled() {
                return listener.cancelled();
            }
        };
        try (ForegroundMasks chain = ForegroundMasks.open(pool, settings, training)) {
            boolean anyManifest = needed.stream().anyMatch(s -> s.maskFile() != null);
            if (!anyManifest && !chain.masksSamplesWithoutMask()) {
                throw new IllegalArgumentException(plan.operation + " of " + plan.cue + " needs foreground masks and no"
                        + " image of the split has one: " + chain.whatToSupply());
            }
            listener.onProgress("masks", 0, needed.size());
            ForegroundMasks.Resolution resolution = chain.resolveAll(needed);
            listener.onProgress("masks", needed.size(), needed.size());
            chain.learnedFigures().ifPresent(f -> report.add(String.format(
                    "foreground masks of %d samples without one were predicted by a segmentation network trained on %d"
                    + " manifest masks (held-out IoU %.3f on %d)", resolution.masks().values().stream()
                    .filter(m -> m.source() == MaskSource.LEARNED).count(),
                    f.trainedOn(), f.heldOutIou(), f.heldOut())));
            resolution.problems().values().stream().limit(REPORT_LINES).forEach(report::add);
            if (resolution.masks().isEmpty()) {
                throw new IllegalArgumentException("no image of the split got a foreground mask: "
                        + String.join("; ", resolution.problems().values().stream().limit(3).toList()));
            }
            return resolution.masks();
        }
    }

    private List<EditedPair> predictPairs(Path modelDir, List<ItemEdits.Outcome> made, List<Prediction> before,
            EditProgress listener) {
        List<LabeledImage> edited = new ArrayList<>();
        List<LabeledImage> controls = new ArrayList<>();
        int[] controlOf = new int[made.size()];
        for (int i = 0; i < made.size(); i++) {
            ItemEdits.Outcome o = made.get(i);
            edited.add(labeled(o.sample(), o.item().editedFile()));
            controlOf[i] = o.controlFile() == null ? -1 : controls.size();
            if (o.controlFile() != null) {
                controls.add(labeled(o.sample(), o.controlFile()));
            }
        }
        int total = edited.size() + controls.size();
        listener.onProgress("predictions", 0, total);
        List<Prediction> after = evaluator.predict(modelDir, edited);
        List<Prediction> control = controls.isEmpty() ? List.of() : evaluator.predict(modelDir, controls);
        listener.onProgress("predictions", total, total);
        List<EditedPair> pairs = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            Prediction b = before.get(i);
            Prediction a = after.get(i);
            int c = controlOf[i];
            pairs.add(new EditedPair(b.sampleId(), b.group(), b.label(), made.get(i).sample().imageFile(),
                    edited.get(i).imageFile(), b.predicted(), a.predicted(), b.correct(), a.predicted() != b.predicted(),
                    c < 0 ? null : controls.get(c).imageFile(), c < 0 ? -1 : control.get(c).predicted()));
        }
        return pairs;
    }

    private static LabeledImage labeled(EditSample sample, Path file) {
        return new LabeledImage(sample.sampleId(), file, sample.label(), sample.group());
    }

    /** A per-item seed: distinct for every item of a run, stable across runs with the same seed. */
    static long itemSeed(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static void requireApart(Path out, List<EditSample> samples) {
        for (EditSample s : samples) {
            for (Path source : new Path[] {s.imageFile(), s.maskFile()}) {
                if (source != null && (source.toAbsolutePath().normalize().startsWith(out.resolve("edited"))
                        || source.toAbsolutePath().normalize().startsWith(out.resolve("control")))) {
                    throw new IllegalArgumentException("the target folder " + out + " holds source file " + source
                            + " of sample " + s.sampleId() + ": give an empty folder of its own, sources are never written");
                }
            }
        }
    }

    private static SampleImage image(EditSample s) {
        return new SampleImage(s.sampleId(), s.imageFile(), s.maskFile());
    }

    private static String fmt(double v) {
        return String.format("%.3f", v);
    }
}
