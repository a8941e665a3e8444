package com.spurlab.inference.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Accuracy, per-group accuracy, worst-group accuracy with a bootstrap interval, average-group accuracy, gap. */
public final class GroupMetrics {

    static final int RESAMPLES = 1000;
    static final int TOO_SMALL = 20;

    private GroupMetrics() {
    }

    /**
     * Computes the DESIGN.md metrics. The WGA interval is a percentile bootstrap: 1000 resamples,
     * each resampling every group's samples with replacement within that group (so group sizes
     * stay fixed), drawn from {@code new Random(seed)}; the bounds are the 25th and 975th of the
     * sorted resampled WGAs. A prediction without a group is grouped by its label index.
     *
     * @throws IllegalArgumentException when {@code predictions} is empty
     */
    public static EvaluationReport evaluate(List<Prediction> predictions, long seed) {
        if (predictions == null || predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to evaluate: the split is empty");
        }
        Map<String, int[]> counts = new TreeMap<>();
        int correct = 0;
        for (Prediction p : predictions) {
            String group = p.group() != null ? p.group() : String.valueOf(p.label());
            int[] c = counts.computeIfAbsent(group, g -> new int[2]);
            c[0]++;
            if (p.correct()) {
                c[1]++;
                correct++;
            }
        }
        List<GroupAccuracy> groups = new ArrayList<>(counts.size());
        counts.forEach((group, c) -> groups.add(new GroupAccuracy(group, c[0], c[1], (double) c[1] / c[0], c[0] < TOO_SMALL)));

        GroupAccuracy worst = groups.get(0);
        double sum = 0;
        for (GroupAccuracy g : groups) {
            sum += g.accuracy();
            if (g.accuracy() < worst.accuracy()) {
                worst = g;
            }
        }
        double accuracy = (double) correct / predictions.size();
        double[] interval = bootstrapWorstGroup(groups, new Random(seed));
        return new EvaluationReport(predictions.size(), accuracy, worst.accuracy(), worst.group(), interval[0], interval[1],
                sum / groups.size(), accuracy - worst.accuracy(), groups);
    }

    /**
     * Train-weighted average accuracy (DESIGN.md): per-group accuracy weighted by the training split's
     * group proportions, the convention of the Waterbirds papers. Groups of the report that the
     * training split lacks weigh 0; training groups the report lacks are left out of the normalisation.
     *
     * @throws IllegalArgumentException when no group of the report occurs in training
     */
    public static double trainWeightedAccuracy(EvaluationReport report, Map<String, Integer> trainGroupCounts) {
        double weighted = 0;
        long total = 0;
        for (GroupAccuracy g : report.groups()) {
            int n = trainGroupCounts.getOrDefault(g.group(), 0);
            weighted += n * g.accuracy();
            total += n;
        }
        if (total == 0) {
            throw new IllegalArgumentException("none of the groups " + report.groups().stream().map(GroupAccuracy::group)
                    .toList() + " occurs in the training split " + trainGroupCounts.keySet());
        }
        return weighted / total;
    }

    private static double[] bootstrapWorstGroup(List<GroupAccuracy> groups, Random random) {
        double[] worst = new double[RESAMPLES];
        for (int b = 0; b < RESAMPLES; b++) {
            double min = Double.POSITIVE_INFINITY;
            for (GroupAccuracy g : groups) {
                // Drawing an index uniformly from n samples whose first `correct` are the right ones.
                int hits = 0;
                for (int i = 0; i < g.n(); i++) {
                    if (random.nextInt(g.n()) < g.correct()) {
                        hits++;
                    }
                }
                min = Math.min(min, (double) hits / g.n());
            }
            worst[b] = min;
        }
        Arrays.sort(worst);
        return new double[] {worst[(int) (0.025 * RESAMPLES)], worst[(int) Math.ceil(0.975 * RESAMPLES) - 1]};
    }
}
