package com.spurlab.inference.synth;

import com.spurlab.inference.edit.CounterfactualEditor;
import com.spurlab.inference.edit.EditSample;
import com.spurlab.inference.edit.mask.ForegroundMasks;
import com.spurlab.inference.edit.mask.ImageFiles;
import com.spurlab.inference.edit.mask.ResolvedMask;
import com.spurlab.inference.edit.mask.SampleImage;
import com.spurlab.inference.edit.mask.SegmentationSettings;
import com.spurlab.inference.edit.mask.TextBox;
import com.spurlab.inference.train.TrainingProgress;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What each group's new images are made from: the training images whose content they keep (sources: the
 * group's label with another value of the cue) and the donors of the missing value (a background, a word),
 * with what they need prepared once — foreground masks, donors' backgrounds with their foreground inpainted
 * away, donors' words lifted off — so that making an image needs no inpainting of a donor and no model.
 */
final class Ingredients {

    /** Donors per cue value, at most (a seeded choice): enough variety, and a bounded cache of backgrounds. */
    static final int DONORS = 400;

    /** One group's recipe. */
    record Recipe(FillPlan.Fill fill, String operation, List<EditSample> sources, List<EditSample> donors) {
    }

    final List<Recipe> recipes = new ArrayList<>();
    final Map<String, ResolvedMask> masks;
    final Map<String, BufferedImage> backgrounds = new ConcurrentHashMap<>();
    final Map<String, List<WordInk>> inks = new ConcurrentHashMap<>();
    final List<String> report = new ArrayList<>();
    long maskMillis;
    long donorMillis;

    private Ingredients(Map<String, ResolvedMask> masks) {
        this.masks = masks;
    }

    /**
     * Chooses sources and donors for every group that wants images, resolves the masks they need (background
     * cues) and prepares the donors in parallel.
     */
    static Ingredients prepare(FillPlan plan, SynthesisRequest request, List<EditSample> train, CueValues cue,
            SegmentationSettings segmentation, SynthesisProgress progress, CounterfactualEditor editor) {
        boolean text = cue.cue().region() == SynthesisCue.Region.TEXT;
        if (text && !Set.of(SynthesisCue.YES, SynthesisCue.NO).containsAll(plan.values)) {
            throw new IllegalArgumentException("a printed-word cue has the values yes and no, but " + cue.cue().attribute()
                    + " has " + plan.values);
        }
        List<Recipe> wanted = new ArrayList<>();
        Random random = new Random(request.seed());
        for (FillPlan.Fill f : plan.fills) {
            if (f.wanted() == 0) {
                continue;
            }
            List<EditSample> sources = train.stream().filter(s -> s.label() == f.label()).filter(s -> {
                String v = cue.valueOf(s.sampleId());
                return v != null && !v.equals(f.value()) && (!text || f.value().equals(SynthesisCue.YES)
                        || !cue.boxes(s.sampleId()).isEmpty());
            }).toList();
            String operation = !text ? "REPLACE_BACKGROUND" : f.value().equals(SynthesisCue.YES) ? "ADD_CUE" : "INPAINT";
            List<EditSample> donors = operation.equals("INPAINT") ? List.of() : choose(train.stream()
                    .filter(s -> f.value().equals(cue.valueOf(s.sampleId())))
                    .filter(s -> !text || !cue.boxes(s.sampleId()).isEmpty()).toList(), random);
            wanted.add(new Recipe(f, operation, sources, donors));
        }
        long start = System.nanoTime();
        Ingredients in = new Ingredients(text ? Map.of() : masks(wanted, train, segmentation, progress));
        in.maskMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        for (Recipe r : wanted) {
            in.recipes.add(in.usable(r));
        }
        in.prepareDonors(editor, cue, progress);
        in.donorMillis = (System.nanoTime() - start) / 1_000_000;
        for (int i = 0; i < in.recipes.size(); i++) {
            in.recipes.set(i, in.withPreparedDonors(in.recipes.get(i)));
        }
        return in;
    }

    /** A seeded choice of at most {@link #DONORS}, in a seeded order. */
    private static List<EditSample> choose(List<EditSample> all, Random random) {
        List<EditSample> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, Math.min(DONORS, shuffled.size())));
    }

    private static Map<String, ResolvedMask> masks(List<Recipe> recipes, List<EditSample> train,
            SegmentationSettings settings, SynthesisProgress progress) {
        Set<EditSample> needed = new LinkedHashSet<>();
        recipes.forEach(r -> {
            needed.addAll(r.sources());
            needed.addAll(r.donors());
        });
        TrainingProgress training = new TrainingProgress() {
            @Override
            public void onProgress(int epoch, int epochs, int step, int steps, double loss, double accuracy) {
                progress.onProgress("segmentation", (epoch - 1) * steps + step, epochs * steps);
            }

            @Override
            public boolean cancelled() {
                return progress.cancelled();
            }
        };
        try (ForegroundMasks chain = ForegroundMasks.open(train.stream().map(Ingredients::image).toList(), settings,
                training)) {
            progress.onProgress("masks", 0, needed.size());
            ForegroundMasks.Resolution resolution = chain.resolveAll(needed.stream().map(Ingredients::image).toList());
            progress.onProgress("masks", needed.size(), needed.size());
            if (resolution.masks().isEmpty()) {
                throw new IllegalArgumentException("no source or donor image got a foreground mask, so no foreground"
                        + " can be laid on another background: " + chain.whatToSupply());
            }
            return resolution.masks();
        }
    }

    /** The recipe less sources and donors without a usable mask (none, empty, or the whole image). */
    private Recipe usable(Recipe r) {
        if (masks.isEmpty()) {
            return r;
        }
        List<EditSample> sources = r.sources().stream().filter(s -> usable(masks.get(s.sampleId()))).toList();
        List<EditSample> donors = r.donors().stream().filter(s -> usable(masks.get(s.sampleId()))).toList();
        int dropped = r.sources().size() - sources.size() + r.donors().size() - donors.size();
        if (dropped > 0) {
            report.add(r.fill().group() + ": " + dropped + " source or donor images without a usable foreground mask"
                    + " were left out");
        }
        return new Recipe(r.fill(), r.operation(), sources, donors);
    }

    private static boolean usable(ResolvedMask m) {
        if (m == null) {
            return false;
        }
        int area = m.mask().area();
        return area > 0 && area < m.mask().width() * m.mask().height();
    }

    /** Backgrounds (foreground inpainted away) or lifted words of every donor, once each, in parallel. */
    private void prepareDonors(CounterfactualEditor editor, CueValues cue, SynthesisProgress progress) {
        Map<String, EditSample> donors = new LinkedHashMap<>();
        recipes.forEach(r -> r.donors().forEach(d -> donors.put(d.sampleId(), d)));
        boolean text = cue.cue().region() == SynthesisCue.Region.TEXT;
        List<EditSample> all = List.copyOf(donors.values());
        AtomicInteger done = new AtomicInteger();
        all.parallelStream().forEach(d -> {
            try {
                BufferedImage image = ImageFiles.readRgb(d.imageFile());
                if (text) {
                    List<WordInk> lifted = cue.boxes(d.sampleId()).stream().map(TextBox::box)
                            .map(b -> WordInk.lift(editor, image, b)).filter(Objects::nonNull).toList();
                    if (!lifted.isEmpty()) {
                        inks.put(d.sampleId(), lifted);
                    }
                } else {
                    backgrounds.put(d.sampleId(), editor.backgroundOf(image, masks.get(d.sampleId()).mask()));
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                // The donor is left out below; its recipe reports how many were.
            }
            progress.onProgress("donors", done.incrementAndGet(), all.size());
        });
    }

    private Recipe withPreparedDonors(Recipe r) {
        List<EditSample> donors = r.donors().stream()
                .filter(d -> backgrounds.containsKey(d.sampleId()) || inks.containsKey(d.sampleId())).toList();
        if (donors.size() < r.donors().size()) {
            report.add(r.fill().group() + ": " + (r.donors().size() - donors.size()) + " donors gave no "
                    + (r.operation().equals("ADD_CUE") ? "readable word" : "background") + " and were left out");
        }
        return new Recipe(r.fill(), r.operation(), r.sources(), donors);
    }

    private static SampleImage image(EditSample s) {
        return new SampleImage(s.sampleId(), s.imageFile(), s.maskFile());
    }
}
