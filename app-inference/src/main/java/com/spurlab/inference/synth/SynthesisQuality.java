package com.spurlab.inference.synth;

import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * How good the new images are, judged by a model that did not learn the cue (GroupDRO or DFR trained on the
 * original data), in one batched pass over real and new images:
 * <ul>
 *   <li>label consistency: the share of new images it predicts as their intended label;</li>
 *   <li>Fréchet distance, per filled group, between the real images of the group and the new ones in its embedding
 *       space; next to it the distance from the real images of the same label with the other cue value, which the
 *       new images should beat if they carry the missing value;</li>
 *   <li>diversity: the mean pairwise embedding distance among the new images of a group, next to that of the real
 *       images of the group.</li>
 * </ul>
 */
public final class SynthesisQuality {

    /** Images per group and kind scored at most (a seeded choice). */
    public static final int MAX_PER_GROUP = 1000;
    /** Images per group whose pairwise distances are averaged, at most. */
    static final int DIVERSITY_SAMPLE = 400;

    /**
     * One filled group.
     *
     * @param real               real training images of the group
     * @param added              new images of the group
     * @param labelConsistency   share of new images predicted as their label
     * @param frechet            Fréchet distance real ↔ new, null when either side has fewer than two images
     * @param frechetOtherValue  Fréchet distance real ↔ real images of the same label with another value of the cue
     * @param diversity          mean pairwise distance among the new images
     * @param realDiversity      the same among the real images of the group
     */
    public record GroupQuality(String group, int real, int added, Double labelConsistency, Double frechet,
            Double frechetOtherValue, Double diversity, Double realDiversity) {
    }

    /**
     * The figures over all filled groups: label consistency over all new images; the others averaged over groups,
     * weighted by their new images (groups where a figure does not exist are left out of its mean; NaN when none
     * has it).
     */
    public record QualityFigures(double labelConsistency, double frechetDistance, double frechetOtherValue,
            double diversity, double realDiversity, List<GroupQuality> groups, long millis) {

        public QualityFigures {
            groups = List.copyOf(groups);
        }
    }

    private final ClassifierEvaluator evaluator;

    public SynthesisQuality(ClassifierEvaluator evaluator) {
        this.evaluator = Objects.requireNonNull(evaluator, "evaluator");
    }

    /**
     * @param modelDir a classifier of the version's labels that did not learn the cue (its class indices are the
     *                 labels of the images)
     * @param real     the real training images, grouped {@code "<label>|<value>"}
     * @param added    the new images, grouped the same way
     * @throws IllegalArgumentException when there are no new images
     */
    public QualityFigures measure(Path modelDir, List<LabeledImage> real, List<LabeledImage> added, long seed) {
        if (added.isEmpty()) {
            throw new IllegalArgumentException("no new images to judge");
        }
        long start = System.nanoTime();
        Random random = new Random(seed);
        Map<String, List<LabeledImage>> newByGroup = byGroup(added);
        Map<String, List<LabeledImage>> realByGroup = byGroup(real);
        List<LabeledImage> scored = new ArrayList<>();
        Map<String, int[]> newRange = new LinkedHashMap<>();
        Map<String, int[]> realRange = new LinkedHashMap<>();
        newByGroup.forEach((g, images) -> newRange.put(g, append(scored, sample(images, random))));
        realByGroup.forEach((g, images) -> realRange.put(g, append(scored, sample(images, random))));
        ScoredSamples s = evaluator.score(modelDir, scored);
        List<Prediction> predictions = s.predictions();
        float[][] embeddings = s.embeddings();

        List<GroupQuality> groups = new ArrayList<>();
        int consistent = 0;
        int judged = 0;
        for (Map.Entry<String, int[]> e : newRange.entrySet()) {
            String group = e.getKey();
            int[] n = e.getValue();
            int ok = 0;
            for (int i = n[0]; i < n[1]; i++) {
                ok += predictions.get(i).correct() ? 1 : 0;
            }
            consistent += ok;
            judged += n[1] - n[0];
            float[][] made = rows(embeddings, n);
            int label = scored.get(n[0]).label();
            float[][] realGroup = realRange.containsKey(group) ? rows(embeddings, realRange.get(group)) : new float[0][];
            List<float[]> others = new ArrayList<>();
            realRange.forEach((g, r) -> {
                if (!g.equals(group) && r[1] > r[0] && scored.get(r[0]).label() == label) {
                    others.addAll(List.of(rows(embeddings, r)));
                }
            });
            groups.add(new GroupQuality(group, realByGroup.getOrDefault(group, List.of()).size(),
                    newByGroup.get(group).size(), (double) ok / (n[1] - n[0]),
                    finite(EmbeddingStatistics.frechet(realGroup, made)),
                    finite(EmbeddingStatistics.frechet(realGroup, others.toArray(float[][]::new))),
                    finite(EmbeddingStatistics.meanPairwiseDistance(head(made, random))),
                    finite(EmbeddingStatistics.meanPairwiseDistance(head(realGroup, random)))));
        }
        return new QualityFigures((double) consistent / judged, weighted(groups, GroupQuality::frechet),
                weighted(groups, GroupQuality::frechetOtherValue), weighted(groups, GroupQuality::diversity),
                weighted(groups, GroupQuality::realDiversity), groups, (System.nanoTime() - start) / 1_000_000);
    }

    private static Map<String, List<LabeledImage>> byGroup(List<LabeledImage> images) {
        Map<String, List<LabeledImage>> out = new LinkedHashMap<>();
        images.forEach(i -> out.computeIfAbsent(Objects.requireNonNull(i.group(), "group of " + i.sampleId()),
                g -> new ArrayList<>()).add(i));
        return out;
    }

    private static List<LabeledImage> sample(List<LabeledImage> images, Random random) {
        if (images.size() <= MAX_PER_GROUP) {
            return images;
        }
        List<LabeledImage> shuffled = new ArrayList<>(images);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, MAX_PER_GROUP);
    }

    /** Appends and returns the [from, to) range the images took. */
    private static int[] append(List<LabeledImage> all, List<LabeledImage> more) {
        int from = all.size();
        all.addAll(more);
        return new int[] {from, all.size()};
    }

    private static float[][] rows(float[][] embeddings, int[] range) {
        float[][] out = new float[range[1] - range[0]][];
        System.arraycopy(embeddings, range[0], out, 0, out.length);
        return out;
    }

    private static float[][] head(float[][] rows, Random random) {
        if (rows.length <= DIVERSITY_SAMPLE) {
            return rows;
        }
        List<float[]> shuffled = new ArrayList<>(List.of(rows));
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, DIVERSITY_SAMPLE).toArray(float[][]::new);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double weighted(List<GroupQuality> groups, java.util.function.Function<GroupQuality, Double> figure) {
        double sum = 0;
        int weight = 0;
        for (GroupQuality g : groups) {
            Double v = figure.apply(g);
            if (v != null) {
                sum += v * g.added();
                weight += g.added();
            }
        }
        return weight == 0 ? Double.NaN : sum / weight;
    }
}
