package com.spurlab.inference.audit;

import com.spurlab.inference.eval.EvaluationReport;
import com.spurlab.inference.eval.GroupMetrics;
import com.spurlab.inference.eval.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Accuracy per group and the equalized-odds gaps of Hardt et al. 2016 across attribute values.
 *
 * <p>Groups are SpurLab's group keys, {@code label|value[|value…]}; a sample's <em>context</em> is its key
 * without the label ({@code "warm"}), so samples of every class share the contexts. Multi-class rates are
 * one-vs-rest: for class c and context v, TPR = P(predicted c | label c, v) and FPR = P(predicted c |
 * label ≠ c, v). The TPR gap is the largest max_v - min_v of TPR over classes, the FPR gap likewise; in a
 * two-class task the TPR gap of one class is the FPR gap of the other. The accuracy gap is DESIGN.md's
 * accuracy - worst-group accuracy.
 *
 * <p>Intervals: Wilson for each proportion; for each gap a percentile bootstrap, every group resampled
 * with replacement within itself (sizes fixed, as {@code GroupMetrics} does for worst-group accuracy) and
 * the gap's maximum recomputed in each resample, so the interval covers which class and pair is largest.
 */
public final class GroupGaps {

    private GroupGaps() {
    }

    /** One group's samples: the predicted class of each. */
    private record Cell(String group, int label, String context, int[] predicted) {
    }

    /** Rates of one resample (or of the data): counts[g][c] = samples of group g predicted as c. */
    private record Tally(List<Cell> cells, int[][] counts) {
    }

    /**
     * @param classNames class names, index = label
     * @param resamples  bootstrap resamples for the gaps' intervals, at least 200
     * @param seed       seeds the bootstrap
     * @throws IllegalArgumentException when there are no predictions or a label is outside the class names
     */
    public static GapReport of(List<Prediction> predictions, List<String> classNames, int resamples, long seed) {
        if (predictions == null || predictions.isEmpty()) {
            throw new IllegalArgumentException("no predictions to audit: the split is empty");
        }
        if (resamples < 200) {
            throw new IllegalArgumentException("resamples must be at least 200, got " + resamples);
        }
        List<Prediction> keyed = withGroups(predictions, classNames);
        List<Cell> cells = cells(keyed, classNames);
        List<String> contexts = new ArrayList<>(new TreeSet<>(cells.stream().map(Cell::context).toList()));
        Tally data = new Tally(cells, observedCounts(cells, classNames.size()));

        EvaluationReport design = GroupMetrics.evaluate(keyed, seed);
        List<GroupRates> groups = new ArrayList<>();
        int correct = 0;
        for (int g = 0; g < cells.size(); g++) {
            Cell c = cells.get(g);
            correct += data.counts()[g][c.label()];
            groups.add(new GroupRates(c.group(), classNames.get(c.label()), c.context(),
                    Proportion.of(data.counts()[g][c.label()], c.predicted().length)));
        }
        List<ClassRates> rates = new ArrayList<>();
        for (int c = 0; c < classNames.size(); c++) {
            for (String v : contexts) {
                int[] tpr = positives(data, c, v, true);
                int[] fpr = positives(data, c, v, false);
                if (tpr[1] + fpr[1] > 0) {
                    rates.add(new ClassRates(classNames.get(c), v, Proportion.of(tpr[0], tpr[1]), Proportion.of(fpr[0], fpr[1])));
                }
            }
        }

        double[][] boot = new double[3][resamples];
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = 0; r < resamples; r++) {
            Tally t = resample(cells, classNames.size(), random);
            boot[0][r] = accuracy(t) - worstGroup(t);
            boot[1][r] = largestGap(t, classNames, contexts, true).value();
            boot[2][r] = largestGap(t, classNames, contexts, false).value();
        }
        for (double[] b : boot) {
            Arrays.sort(b);
        }
        GroupRates worst = groups.stream().filter(g -> g.group().equals(design.worstGroup())).findFirst().orElseThrow();
        Gap accuracy = new Gap("accuracy", design.gap(), Quantiles.lower(boot[0]), Quantiles.upper(boot[0]), null, "all",
                design.worstGroup(), worst.accuracy().tooSmall());
        return new GapReport(Proportion.of(correct, design.n()), design.worstGroupAccuracy(), design.worstGroup(), accuracy,
                withInterval(largestGap(data, classNames, contexts, true), boot[1]),
                withInterval(largestGap(data, classNames, contexts, false), boot[2]), groups, rates, resamples);
    }

    /** A group key's attribute part: the key without its leading label segment. */
    static String context(String group, String label) {
        if (group == null || group.equals(label)) {
            return "";
        }
        return group.startsWith(label + "|") ? group.substring(label.length() + 1) : group;
    }

    private static List<Prediction> withGroups(List<Prediction> predictions, List<String> classNames) {
        List<Prediction> keyed = new ArrayList<>(predictions.size());
        for (Prediction p : predictions) {
            if (p.label() < 0 || p.label() >= classNames.size() || p.predicted() < 0 || p.predicted() >= classNames.size()) {
                throw new IllegalArgumentException("sample " + p.sampleId() + " has label " + p.label() + " / prediction "
                        + p.predicted() + ", but only classes 0.." + (classNames.size() - 1) + " exist");
            }
            keyed.add(p.group() != null ? p : new Prediction(p.sampleId(), p.label(), p.predicted(), p.confidence(),
                    classNames.get(p.label())));
        }
        return keyed;
    }

    private static List<Cell> cells(List<Prediction> predictions, List<String> classNames) {
        Map<String, List<Prediction>> byGroup = new TreeMap<>();
        predictions.forEach(p -> byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p));
        List<Cell> cells = new ArrayList<>();
        byGroup.forEach((group, members) -> {
            int label = members.get(0).label();
            if (members.stream().anyMatch(p -> p.label() != label)) {
                throw new IllegalArgumentException("group " + group + " mixes classes; groups must be label × attribute values");
            }
            cells.add(new Cell(group, label, context(group, classNames.get(label)),
                    members.stream().mapToInt(Prediction::predicted).toArray()));
        });
        return cells;
    }

    private static int[][] observedCounts(List<Cell> cells, int classes) {
        int[][] counts = new int[cells.size()][classes];
        for (int g = 0; g < cells.size(); g++) {
            for (int p : cells.get(g).predicted()) {
                counts[g][p]++;
            }
        }
        return counts;
    }

    private static Tally resample(List<Cell> cells, int classes, SplittableRandom random) {
        int[][] counts = new int[cells.size()][classes];
        for (int g = 0; g < cells.size(); g++) {
            int[] predicted = cells.get(g).predicted();
            for (int i = 0; i < predicted.length; i++) {
                counts[g][predicted[random.nextInt(predicted.length)]]++;
            }
        }
        return new Tally(cells, counts);
    }

    private static double accuracy(Tally t) {
        long correct = 0;
        long n = 0;
        for (int g = 0; g < t.cells().size(); g++) {
            correct += t.counts()[g][t.cells().get(g).label()];
            n += t.cells().get(g).predicted().length;
        }
        return (double) correct / n;
    }

    private static double worstGroup(Tally t) {
        double worst = Double.POSITIVE_INFINITY;
        for (int g = 0; g < t.cells().size(); g++) {
            worst = Math.min(worst, (double) t.counts()[g][t.cells().get(g).label()] / t.cells().get(g).predicted().length);
        }
        return worst;
    }

    /** {predicted as c, n} among samples of context v whose label is c (positives) or is not c (negatives). */
    private static int[] positives(Tally t, int c, String v, boolean positives) {
        int hits = 0;
        int n = 0;
        for (int g = 0; g < t.cells().size(); g++) {
            Cell cell = t.cells().get(g);
            if (cell.context().equals(v) && (cell.label() == c) == positives) {
                hits += t.counts()[g][c];
                n += cell.predicted().length;
            }
        }
        return new int[] {hits, n};
    }

    private static Gap largestGap(Tally t, List<String> classNames, List<String> contexts, boolean tpr) {
        Gap best = Gap.none(tpr ? "tpr" : "fpr");
        for (int c = 0; c < classNames.size(); c++) {
            int high = -1;
            int low = -1;
            int present = 0;
            double[] rate = new double[contexts.size()];
            int[] n = new int[contexts.size()];
            for (int v = 0; v < contexts.size(); v++) {
                int[] counted = positives(t, c, contexts.get(v), tpr);
                n[v] = counted[1];
                if (n[v] == 0) {
                    continue;
                }
                rate[v] = (double) counted[0] / n[v];
                present++;
                if (high < 0 || rate[v] > rate[high]) {
                    high = v;
                }
                if (low < 0 || rate[v] < rate[low]) {
                    low = v;
                }
            }
            if (present >= 2 && high == low) {
                // Every context has the same rate: a gap of 0 between the first two present ones.
                for (int v = 0; v < n.length; v++) {
                    if (n[v] > 0 && v != high) {
                        low = v;
                        break;
                    }
                }
            }
            if (present >= 2 && !(rate[high] - rate[low] <= best.value())) {
                best = new Gap(best.metric(), rate[high] - rate[low], Double.NaN, Double.NaN, classNames.get(c),
                        contexts.get(high), contexts.get(low), n[high] < Proportion.TOO_SMALL || n[low] < Proportion.TOO_SMALL);
            }
        }
        return best;
    }

    private static Gap withInterval(Gap gap, double[] sortedResamples) {
        if (Double.isNaN(gap.value())) {
            return gap;
        }
        return new Gap(gap.metric(), gap.value(), Quantiles.lower(sortedResamples), Quantiles.upper(sortedResamples),
                gap.label(), gap.higher(), gap.lower(), gap.tooSmall());
    }
}
