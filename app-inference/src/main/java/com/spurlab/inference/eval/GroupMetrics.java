package com.spurlab.inference.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accuracy, per-group accuracy, worst-group accuracy with a bootstrap interval, average-group accuracy, gap.
 * The one place where worst-group accuracy is computed: training's validation pass and DFR's penalty
 * search call {@link #worstGroupAccuracy(int[], int[])} too.
 */
public final class GroupMetrics {

    static final int TOO_SMALL = 20;

    private GroupMetrics() {
    }

    /**
     * Computes the DESIGN.md metrics, with a BCa bootstrap 95 % interval of the worst-group accuracy
     * ({@link WorstGroupInterval}: {@value WorstGroupInterval#RESAMPLES} resamples within groups, drawn
     * from {@code seed}).
     *
     * @param predictions each with its group; {@code ClassifierEvaluator} gives a sample without a group
     *                    its class's group ({@link com.spurlab.inference.data.LabeledImage#groupKey})
     * @throws IllegalArgumentException when {@code predictions} is empty or a prediction has no group
     */
    public static EvaluationReport evaluate(List<Prediction> predictions, long seed) {
        if (predictions == null || predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to evaluate: the split is empty");
        }
        Map<String, int[]> counts = new TreeMap<>();
        int correct = 0;
        for (Prediction p : predictions) {
            if (p.group() == null) {
                throw new IllegalArgumentException("prediction " + p.sampleId() + " has no group; give every sample"
                        + " its group key (LabeledImage.groupKey names a sample without one after its class)");
            }
            int[] c = counts.computeIfAbsent(p.group(), g -> new int[2]);
            c[0]++;
            if (p.correct()) {
                c[1]++;
                correct++;
            }
        }
        List<GroupAccuracy> groups = new ArrayList<>(counts.size());
        counts.forEach((group, c) -> groups.add(new GroupAccuracy(group, c[0], c[1], (double) c[1] / c[0], c[0] < TOO_SMALL)));
        int[] n = groups.stream().mapToInt(GroupAccuracy::n).toArray();
        int[] hits = groups.stream().mapToInt(GroupAccuracy::correct).toArray();
        GroupAccuracy worst = groups.get(worstGroupIndex(n, hits));
        double sum = groups.stream().mapToDouble(GroupAccuracy::accuracy).sum();
        double accuracy = (double) correct / predictions.size();
        double[] interval = WorstGroupInterval.bca(n, hits, seed);
        return new EvaluationReport(predictions.size(), accuracy, worst.accuracy(), worst.group(), interval[0], interval[1],
                sum / groups.size(), accuracy - worst.accuracy(), groups);
    }

    /**
     * Worst-group accuracy (DESIGN.md): the minimum of {@code correct[g] / n[g]} over the groups with
     * {@code n[g] >= 1}; NaN when no group has a sample.
     */
    public static double worstGroupAccuracy(int[] n, int[] correct) {
        int g = worstGroupIndex(n, correct);
        return g < 0 ? Double.NaN : (double) correct[g] / n[g];
    }

    /** The group attaining the worst-group accuracy, the first on ties; -1 when every group is empty. */
    static int worstGroupIndex(int[] n, int[] correct) {
        if (n.length != correct.length) {
            throw new IllegalArgumentException(n.length + " group sizes but " + correct.length + " counts of correct");
        }
        int worst = -1;
        for (int g = 0; g < n.length; g++) {
            if (n[g] > 0 && (worst < 0 || (double) correct[g] / n[g] < (double) correct[worst] / n[worst])) {
                worst = g;
            }
        }
        return worst;
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
}
